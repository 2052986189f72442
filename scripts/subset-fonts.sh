#!/usr/bin/env bash
# Cuts the DSFR's Marianne fonts (site/node_modules/@gouvfr/dsfr, the pinned release) down to the characters French
# pages use, into site/scripts/fonts/ (committed; site/scripts/vendor-dsfr.mjs copies them into vendor/dsfr/fonts/ and
# points the @font-face rules at them, with the same unicode-range). Run it again only when DSFR is upgraded or the
# range below changes: the output is committed so that installs need no Python.
#
#   scripts/subset-fonts.sh      needs fontTools with Brotli (Debian: apt-get install python3-fonttools python3-brotli)
#
# Kept: every glyph drawing as DSFR ships it (no outline is changed), the default OpenType layout features (kerning, ligatures, marks), and every name
# record (copyright, trademark, licence notices stay in the files, as the DSFR terms of use ask).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Basic Latin, Latin-1 (à â ç é è ê ë î ï ô ù û ü ÿ « » ° …), Œ œ Ÿ, modifier circumflex / tilde, general
# punctuation (– — ‘ ’ “ ” … narrow no-break space U+202F of French number formats), €, ™, arrows ← → , minus.
# Must stay equal to the unicode-range in site/scripts/vendor-dsfr.mjs.
RANGE="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212"
fonts=site/node_modules/@gouvfr/dsfr/dist/fonts
out=site/scripts/fonts
[ -d "$fonts" ] || { echo "error: $fonts is missing (cd site && npm ci)" >&2; exit 1; }
# fontTools' subsetter: pyftsubset, or the module of the first Python that has it (Debian's, behind a pyenv shim).
subset=()
if command -v pyftsubset >/dev/null; then
  subset=(pyftsubset)
else
  for python in python3 /usr/bin/python3; do
    if "$python" -c 'import fontTools.subset, brotli' 2>/dev/null; then subset=("$python" -m fontTools.subset); break; fi
  done
fi
[ ${#subset[@]} -gt 0 ] || { echo "error: fontTools is missing (apt-get install python3-fonttools python3-brotli)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/Marianne-*.woff2
for source in "$fonts"/Marianne-*.woff2; do
  name="$(basename "$source" .woff2)"
  "${subset[@]}" "$source" --unicodes="$RANGE" --flavor=woff2 --name-IDs='*' --name-languages='*' \
    --output-file="$out/$name.latin.woff2"
  printf '%s: %s -> %s bytes\n' "$name" "$(stat -c %s "$source")" "$(stat -c %s "$out/$name.latin.woff2")"
done
