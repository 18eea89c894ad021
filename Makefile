PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: test demo lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

test: $(STAMP)
	$(BIN)/ruff check bot handlers storage templates tests
	$(BIN)/python -m pytest

# `make demo NIANBAO_DEMO_CHANNEL=longconn`: the bot also runs over the 智能机器人 long connection (gateway stand-in)
demo: $(STAMP)
	$(BIN)/nianbao serve --demo

lint: $(STAMP)
	$(BIN)/ruff check bot handlers storage templates tests

clean:
	rm -rf $(VENV) data/*.db .pytest_cache
