# src/engine.mk: filled in by its module
