from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0003_refs_from_titles'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='initiative',
            constraint=models.UniqueConstraint(fields=('key_result', 'ref'), name='initiative_ref_unique_in_key_result'),
        ),
        migrations.AddConstraint(
            model_name='keyresult',
            constraint=models.UniqueConstraint(fields=('objective', 'ref'), name='key_result_ref_unique_in_objective'),
        ),
        migrations.AddConstraint(
            model_name='objective',
            constraint=models.UniqueConstraint(fields=('cycle', 'ref'), name='objective_ref_unique_in_cycle'),
        ),
    ]
