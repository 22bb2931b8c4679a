# rasd: `make demo` runs the whole job on the bundled corpus; `make test` runs the suite.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= rasd.duckdb
SHARED ?= ../shared
NER_MODEL := src/rasd/data/models/ner.crfsuite
WEB_VENDOR := src/rasd/web/vendor/.built

.PHONY: install model web demo test bench eval clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

# The optional faces are tested too: the transformer NER backend (on a tiny model the test
# builds itself; torch pinned to its CPU build) and `rasd spark` (PySpark, Java 17).
$(BIN)/.extras: $(BIN)/.installed
	$(BIN)/pip install -q torch==2.13.0 -e '.[transformers,spark]'
	touch $@

# The NER model is trained here from ANERcorp's training region (never its test text).
$(NER_MODEL): | $(BIN)/.installed
	$(BIN)/rasd train ner --shared $(SHARED) --out $(NER_MODEL)

model: $(NER_MODEL)

# Leaflet and the world-atlas country shapes come from npm at build time (not kept in git).
$(WEB_VENDOR):
	bash scripts/build_web.sh

web: $(WEB_VENDOR)

demo: install model web
	$(BIN)/rasd run demo/ --db $(DB)
	$(BIN)/rasd serve --db $(DB)

test: install model web $(BIN)/.extras
	$(BIN)/python -m pytest -q

bench: install model
	$(BIN)/rasd bench demo/
	$(BIN)/rasd bench $(SHARED)/data/ant_corpus_v2_1_middleeast

eval: install model
	$(BIN)/rasd eval ner --gold $(SHARED)/data/anercorp_camel_split/ANERCorp_CamelLab_test.txt
	$(BIN)/rasd eval events --gold eval/gold
	$(BIN)/rasd eval events --gold $(SHARED)/gold

clean:
	rm -rf $(VENV) $(DB) src/rasd/web/vendor build *.egg-info
