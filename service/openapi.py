"""The OpenAPI document as YAML: served at /openapi.yaml and committed as openapi.yaml."""
import yaml


def spec_yaml(api):
    return yaml.safe_dump(api.spec.to_dict(), sort_keys=False, allow_unicode=True, width=100)
