# src/runtime.mk: filled in by its module
