"""The templates the software shipped inside a region's dvo_templates/ up to format 2.

Until format 3 a region kept the software's own templates in its repository (there was no
package copy). Their sha256 per path, for every version in this repository's history
(git rev-list --all -- dvo_templates), lets `dvo bijwerken` tell an unchanged copy (removed:
the package has the current one) from a region's own change (set aside for a person).
"""

from __future__ import annotations

import hashlib

OUDE_SJABLONEN: dict[str, frozenset[str]] = {
    "dvo.html": frozenset(
        {
            "c0480f46315ae5d969d164affd0e9536e0dc862195084bd6395b7f4eef087ca8",
        }
    ),
    "dvo/afspraken_gemeente.html": frozenset(
        {
            "015f7a86e9164e6a7a3532d440b7d07372c996c10e39ade66e2241c6d2795bdf",
        }
    ),
    "dvo/basispakket.html": frozenset(
        {
            "ad2a46337aa1869d1599976f4a742c99f224a8f72569909cf6120de2254355ad",
        }
    ),
    "dvo/financien.html": frozenset(
        {
            "9ad21bddbd950862e42a2cbca8b52244ae40e400bc5813787071d40281944ed9",
        }
    ),
    "dvo/maatwerk.html": frozenset(
        {
            "67b09d3afe2874867640fb52111a77d4a8b5fcab686144bb74c7c366642f001d",
        }
    ),
    "dvo/prestaties.html": frozenset(
        {
            "cba7a783eb6dcab09636d11714adfb53aa82853f4b9f1b055926ed50c6e11f2d",
        }
    ),
    "dvo/verplichtingen.html": frozenset(
        {
            "708e185659aad2ddb651cc76a7c182de3c3246f5a0c9b8619bf39c3d19370985",
        }
    ),
    "macros.html": frozenset(
        {
            "a47a94300e2f2e2baa77376d329ec1acdfa48d80cd2c80fe4899acb97983e2d8",
        }
    ),
    "rapport.html": frozenset(
        {
            "113ec19f94e0307a909b4f847a967be83e2f8f57550e9a5ced7f16f7c3304d06",
            "127bff30e5cbc3150113f0f40f3eaeb6448c9935e7179ed4381c7610b43de3e6",
            "6022c19c59c5ac03c35a369d9e5f0422cfefece89066d6f1ec80542fe52094eb",
        }
    ),
    "rapport/macros.html": frozenset(
        {
            "0594110412cc0cffde89a8d0477d41a5f2c1dbb15908734100819855d5a50ef9",
            "bb1a11099c61a9973b1aae6ee6f982f8b8eff622787880d3b95f703c35ea58b5",
            "c7537a42c425ce4d0711c662b7a014e681d0ad9c77aa1bcce89491cd19a577f2",
        }
    ),
    "rapport_regio.html": frozenset(
        {
            "465b7f4c2b07de5b0fe324340a88a5973ac4f9432626937f9f97fe74e80c955c",
            "7dc2f86d48334f46423d124fd29bf4e3900351ec1171415da53df7bd31305c5d",
            "db375505367a19b49b47c384e2c11d9be12eece1b228fbe44e7d6fc8b5d4d199",
        }
    ),
    "site/gemeente.md": frozenset(
        {
            "ab84eb87cde26817e8dcc1f287f61c15073c562010e1714538c9f41fc204cb61",
            "b113ed074d6698fc0590e17ef158cc383c228cd1e5b0c038441ec9e9e441a08e",
        }
    ),
    "site/gemeenten.md": frozenset(
        {
            "063c1ed5b50e41c2383069f24f159b7e3ea86095810d85b3d71b27d4dde515c0",
        }
    ),
    "site/instrument.md": frozenset(
        {
            "a908d216e136f0c48a406bf122e9fdc1abe9c5e0d213529aa7aee53fd829587d",
        }
    ),
    "site/instrumentarium.md": frozenset(
        {
            "5454b2e87b85458d6e0f3ab04df005d29fa30a629d801e747bbe80ffa2d01741",
            "b1f4387345e1bc46790af4d9be63ce67c010e4164c46cd8712b855273d15487a",
        }
    ),
    "site/javascripts/toegankelijk.js": frozenset(
        {
            "a40f654591eb95840966e99507d19699f72b06da539839e4dbf41891ff76a4ca",
        }
    ),
    "site/regio.md": frozenset(
        {
            "503771b4df890722bcf161e26b58bf9d805f03a903bf9ecb2b881e133687f461",
        }
    ),
    "site/stylesheets/extra.css": frozenset(
        {
            "19036136cfa676629197e4f213c69313b646b859a085166841059771a259f872",
        }
    ),
    "site/verordening.md": frozenset(
        {
            "5cc570b348a5c6506c28ad564e0383863a867768567019d627b3579f5ca86209",
        }
    ),
    "static/dvo.css": frozenset(
        {
            "14ec971486f38e26881c9d2cc5fb31ad3f2a338b49941721356333c61010b3af",
            "52d3363423bf74a72d369da320c6714160c88552cc44fb59dab2f138e3e75828",
            "75a1f42db8849a21ef2bc80c932deda1658e11e834cbac1f654eff392d75fa2e",
            "8726e4e052247a83ab1a7ea5b741646585dc7395913da0616897232498455900",
        }
    ),
    "static/fonts/DejaVuSans-Bold.ttf": frozenset(
        {
            "0d977336a6d5fba34eab8e3199eb218327161b5143749f802982c2bc34df0c96",
        }
    ),
    "static/fonts/DejaVuSans.ttf": frozenset(
        {
            "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322",
        }
    ),
    "static/fonts/LICENSE-DejaVu.txt": frozenset(
        {
            "63d3ba759d12804c5b31a9d5940d855c1820d1f5999e6b0872eb1c7ff045fbc9",
        }
    ),
    "static/print.css": frozenset(
        {
            "4f4cb2deb6f3a5e5638a8fede297b791bb57b9ab60347898c98207512296e537",
            "5e2dfd6093dee1064536aa2f0af97fc8a3683c0d86ff20db827b619ccf82d5a1",
            "fc5ca65decdc02514c668134e86022108054c4f5dd7c6f9248dabd14ac9e247d",
        }
    ),
}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
