# Production image: gunicorn for web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app/site:/app \
    DJANGO_SETTINGS_MODULE=bina.settings.production \
    BINA_VAR_DIR=/app/var

# WeasyPrint (certificates) needs Pango and HarfBuzz; DejaVu gives it a font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 \
        libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir -r requirements/base.txt

COPY . .
RUN useradd --system --home /app bina \
    && mkdir -p var/media var/static && chown -R bina var \
    && SECRET_KEY=build-only-collectstatic-key-not-used-at-runtime-0000000000 ALLOWED_HOSTS=build \
       python manage.py collectstatic --no-input -v 0
USER bina

EXPOSE 8000
CMD ["gunicorn", "bina.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "4", "--access-logfile", "-"]
