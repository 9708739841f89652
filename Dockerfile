# Crosscheck: the API on gunicorn, SQLite in a volume by default, PostgreSQL via DATABASE_URL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/crosscheck.sqlite3 \
    CROSSCHECK_SEEDS=/app/seeds \
    HOST=0.0.0.0 \
    PORT=8000

RUN useradd --create-home --uid 10001 crosscheck && mkdir /data && chown crosscheck /data
WORKDIR /app
COPY setup.cfg pyproject.toml README.md ./
COPY service ./service
COPY schemas ./schemas
COPY seeds ./seeds
RUN pip install .

USER crosscheck
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=4)"
CMD ["crosscheck", "serve"]
