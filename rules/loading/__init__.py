"""Reading rules files: YAML with line marks, the schema, `extends` chains, house vocabulary, the pack builder."""
