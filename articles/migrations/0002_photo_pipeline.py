# Schema for photos (issue 4): focal point, upright dimensions, renditions stored once per spec.
import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import articles.models.photo
import articles.models.rendition


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name='Rendition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('spec', models.CharField(help_text='What was made: w640.webp, or card320-0x56.jpeg for a crop at (0, 56).', max_length=60)),
                ('kind', models.CharField(choices=[('full', 'whole frame'), ('card', '3:2 card crop')], max_length=10)),
                ('format', models.CharField(choices=[('avif', 'AVIF'), ('webp', 'WebP'), ('jpeg', 'JPEG')], max_length=10)),
                ('file', models.FileField(max_length=255, upload_to=articles.models.rendition.rendition_upload_to)),
                ('width', models.PositiveIntegerField()),
                ('height', models.PositiveIntegerField()),
                ('size', models.PositiveIntegerField(verbose_name='bytes')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('photo', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='renditions', to='articles.photo')),
            ],
            options={
                'verbose_name': 'rendition',
                'verbose_name_plural': 'renditions',
                'ordering': ['photo', 'kind', 'format', 'width'],
                'constraints': [models.UniqueConstraint(fields=('photo', 'spec'), name='unique_rendition_per_photo_spec')],
            },
        ),
        migrations.AddField(
            model_name='photo',
            name='focal_x',
            field=models.FloatField(blank=True, help_text='0 is the left edge, 1 the right. Cropped thumbnails keep this spot in frame.', null=True, validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)], verbose_name='focal point, across'),
        ),
        migrations.AddField(
            model_name='photo',
            name='focal_y',
            field=models.FloatField(blank=True, help_text='0 is the top edge, 1 the bottom.', null=True, validators=[django.core.validators.MinValueValidator(0.0), django.core.validators.MaxValueValidator(1.0)], verbose_name='focal point, down'),
        ),
        migrations.AddField(
            model_name='photo',
            name='rendition_index',
            field=models.JSONField(blank=True, default=list, editable=False),
        ),
        migrations.AlterField(
            model_name='photo',
            name='image',
            field=articles.models.photo.UprightImageField(height_field='height', upload_to='photos/%Y/%m/', width_field='width'),
        ),
        migrations.AddConstraint(
            model_name='photo',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('focal_x__isnull', True), models.Q(('focal_x__gte', 0), ('focal_x__lte', 1)), _connector='OR'), models.Q(('focal_y__isnull', True), models.Q(('focal_y__gte', 0), ('focal_y__lte', 1)), _connector='OR')), name='photo_focal_point_inside', violation_error_message='The focal point must lie inside the picture (0 to 1).'),
        ),
    ]
