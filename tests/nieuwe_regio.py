"""What a test passes to `dvo init` so that the new region validates at once: the organisation's
own words, which `dvo init` otherwise asks for or leaves as 'IN TE VULLEN'."""

ORGANISATIE = [
    "--organisatie",
    "Werkplein Proefregio",
    "--korte-naam",
    "het Werkplein",
    "--rechtsvorm",
    "openbaar lichaam op grond van de Wet gemeenschappelijke regelingen",
    "--vestigingsplaats",
    "Proefstad",
]
