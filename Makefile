# The two commands a newcomer needs are `make demo` and `make test` (see README.md).
# Both create .venv with Python 3.11 and install the locked requirements first.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
export PYTHONPATH := site:.

.PHONY: demo test install lint check clean

$(BIN)/uv:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 dibutuhkan (python3.11 tidak ditemukan)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(BIN)/uv
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements/dev.txt
	@# axe-core for the browser tests' accessibility checks; they skip without it.
	@if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/browser --silent --no-progress; \
	else echo "npm tidak ditemukan: tes aksesibilitas di peramban akan dilewati"; fi

demo: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The same hooks as .pre-commit-config.yaml and .ci/run: ruff, djLint, layer contracts, mypy.
lint: install
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
