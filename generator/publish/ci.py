"""CI configuration for a region repository: a GitHub Actions workflow and a GitLab CI file.

Both ship in the package (generator/templates/ci/) and do the same: validate on every
push and pull/merge request, build the documents in parallel shards (`dvo build --deel
I/N`), merge the shards into the site (`--samenvoegen`), keep each gemeente's PDFs as
artifacts and publish the site from the default branch. `dvo init` writes them into a
new region repository; from then on they belong to the region.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from generator.render.templating.search_path import PACKAGE_TEMPLATES

# Path inside the region repository -> template inside generator/templates/.
CI_TEMPLATES = {
    ".github/workflows/dvo.yml": "ci/github-workflow.yml",
    ".gitlab-ci.yml": "ci/gitlab-ci.yml",
}

PLACEHOLDER = "@DVO_PAKKET@"


def generator_requirement() -> str:
    """The pip requirement that installs this very version of the generator in CI."""
    try:
        return f"dvo-generator=={version('dvo-generator')}"
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "dvo-generator"


def ci_files(requirement: str | None = None) -> dict[str, str]:
    """Path in the region repository -> text of the CI file, pinned to `requirement`."""
    pin = requirement or generator_requirement()
    return {
        target: (PACKAGE_TEMPLATES / source).read_text(encoding="utf-8").replace(PLACEHOLDER, pin)
        for target, source in CI_TEMPLATES.items()
    }
