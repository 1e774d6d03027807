# A paraphrase restates one specific claim: the same who and the same what
# (src/story/paraphrase.c, src/story/shape.c, docs/story.md "What a
# paraphrase edge is").  Not linked: two contact lines built around one
# e-mail address (m1-m2: a link line, as a web address is), one bank named
# in two different deals (w1-w2: names alone), one congressman named in two
# different statements (s1-s2), and one police template filled with
# another town, person and day (p1-p2: common words alone), and one
# address in two posts' signatures (a1-a2: names and numbers, no common
# word).  Linked: the
# same air raid retold in other words (r1-r2: its place, toll and day), and
# the same return to work retold deep in two articles of two outlets (g1-g2:
# eleven shared rare words, six of them the what, below the full
# threshold: the HS_PARA_STRONG tier).
# The corpus is tests/data/story/whowhat.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/whowhat.jsonl

run 0 "$HEARSAY" graph --level doc --edges paraphrase "$C"
edges=$(jq -s -c '[.[] | select(.type == "edge") | [.from, .to] | sort | join("-")] | sort' "$WORK/out")

note "the same event in other words is a paraphrase"
for pair in r1-r2 g1-g2; do
  jq -e --arg p "$pair" 'index($p) != null' <<<"$edges" >/dev/null || fail "$pair not linked: $edges"
done

note "an e-mail line, names alone and a template filled twice are not"
for pair in m1-m2 w1-w2 s1-s2 p1-p2 a1-a2; do
  jq -e --arg p "$pair" 'index($p) == null' <<<"$edges" >/dev/null || fail "$pair linked: $edges"
done

note "stories agree: the police template and the two deals join no story"
run 0 "$HEARSAY" stories "$C"
jq -s -e 'all(.[]; (.docs | (index("p1") == null or index("p2") == null) and
                            (index("w1") == null or index("w2") == null) and
                            (index("m1") == null or index("m2") == null)))' "$WORK/out" >/dev/null ||
  fail "stories: $(jq -c .docs "$WORK/out")"
