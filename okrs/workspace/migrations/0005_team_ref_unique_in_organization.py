from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0004_team_ref_from_name'),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='team',
            constraint=models.UniqueConstraint(fields=('organization', 'ref'), name='team_ref_unique_in_org'),
        ),
    ]
