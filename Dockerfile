# One image for every Eingang component (receiver, workers, web, scheduler, migrations).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY eingang ./eingang
COPY intake ./intake
COPY classifiers ./classifiers
COPY casework ./casework
COPY queue_workers ./queue_workers
COPY models ./models
COPY web ./web
RUN pip install . && useradd --system --uid 10001 eingang
USER eingang
EXPOSE 8025 8000
ENTRYPOINT ["eingang"]
CMD ["--help"]
