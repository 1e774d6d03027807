/*
** options.c — the tables of the hearsay command: its commands (synopsis,
** what they do, the formats they write, examples) and its options (which
** commands take them, where the value goes, its range, its help).  One
** table is the single source of the parser (main.c), of `--help` and
** `hearsay help CMD`, of the man pages and of the bash completion
** (help.c), so that an option is added with one entry and the help can
** never list an option the parser refuses, or miss one it takes.
*/
#include <stddef.h>
#include <string.h>

#include "cli.h"

#define F(field) offsetof(cli, field)

/* Commands that find passages in files, and the filters on passages. */
#define FINDING "reuse dups families index trace sources graph timeline stories story"
#define READING FINDING " meta search extract"
/* Commands that read records (JSON, CSV) from paths. */
#define FIELDS FINDING " meta search"

const cli_option cli_options[] = {
    {"help", 'h', NULL, CLI_HELP, 0, 0, 0, "*", 0,
     "print this help and exit"},
    {"format", 'f', "FORMAT", CLI_STRING, F(format_name), 0, 0,
     "reuse dups families search stories story meta sources graph "
     "timeline extract", 0,
     "output format (default: text on a terminal where the command writes "
     "text, else the first listed); see docs/output.md"},
    {"db", 0, "FILE", CLI_STRING, F(db), 0, 0,
     "reuse dups families index trace search stories story meta sources "
     "graph timeline", 0,
     "the SQLite store; commands other than index and trace read an "
     "existing one (exit 4 if it does not exist)"},
    {"ngram", 0, "N", CLI_INT, F(opts.ngram), 1, 32, FINDING, CLI_READING,
     "words per seed n-gram (default 5)"},
    {"min-words", 0, "N", CLI_INT, F(opts.min_words), 1, 1000000, FINDING, 0,
     "shortest passage reported, in words (default 12); with --db, a "
     "filter on the stored passages"},
    {"df-cap", 0, "N", CLI_INT, F(opts.df_cap), 2, 2147483647, FINDING,
     CLI_READING,
     "ignore n-grams found in more than N documents (default 100)"},
    {"max-gap", 0, "N", CLI_INT, F(opts.max_gap), 0, 10000, FINDING,
     CLI_READING, "words of edit bridged inside a passage (default 24)"},
    {"min-similarity", 0, "X", CLI_DOUBLE, F(opts.min_similarity), 0, 1,
     FINDING, 0,
     "drop passages less similar than X (default 0.5); with --db, a filter "
     "on the stored passages"},
    {"no-internal", 0, NULL, CLI_UNFLAG, F(opts.internal), 0, 0, FINDING, 0,
     "do not report repeats inside one document (with --db too)"},
    {"rewrite", 0, NULL, CLI_FLAG, F(opts.rewrite), 0, 0,
     "reuse dups families index trace sources graph timeline", CLI_READING,
     "also find rewritten and summarized copies (the sentence stage, "
     "see docs/cli.md; the default; index stores them, and a store keeps "
     "one choice)"},
    {"strict", 0, NULL, CLI_UNFLAG, F(opts.rewrite), 0, 0,
     "reuse dups families index trace sources graph timeline", CLI_READING,
     "verbatim and lightly edited copies only (the n-gram stage "
     "alone; undoes --rewrite)"},
    {"keep-boilerplate", 0, NULL, CLI_FLAG, F(keep_boilerplate), 0, 0,
     FINDING, CLI_READING,
     "let page furniture (comment forms, share lines, footers) count as "
     "reuse"},
    {"threshold", 0, "X", CLI_DOUBLE, F(threshold), 0, 1, "dups trace", 0,
     "share of each document's words that must be reused for it to be a "
     "near-duplicate (default 0.8)"},
    {"batch", 0, "N", CLI_SIZE_T, F(batch), 1, 2147483647, "index trace",
     CLI_READING,
     "documents committed per transaction (default: max(1000, new "
     "documents / 8))"},
    {"threads", 't', "N", CLI_INT, F(opts.threads), 0, 1024, READING,
     CLI_READING, "worker threads (default 0: all cores)"},
    {"memory", 0, "SIZE", CLI_BYTES, F(opts.memory), 0, 0, FINDING,
     CLI_READING,
     "memory budget of the reuse index, e.g. 2G, 500M (default: a quarter "
     "of physical memory); past it, token tables and postings spill to "
     "disk"},
    {"tmp-dir", 0, "DIR", CLI_STRING, F(opts.tmpdir), 0, 0, FINDING,
     CLI_READING, "where spill files go (default $TMPDIR, else /tmp)"},
    {"aliases", 0, "FILE", CLI_STRING, F(aliases), 0, 0,
     "index trace meta sources graph timeline", 0,
     "extra source-name aliases (format in docs/sources.md)"},
    {"aliases", 0, "FILE", CLI_STRING, F(search.aliases), 0, 0,
     "search stories story", 0,
     "extra entity aliases, in the format of data/entities.tsv"},
    {"out", 'o', "DIR", CLI_STRING, F(out), 0, 0, "trace", 0,
     "the report folder (default report/)"},
    {"query", 0, "CLAIM", CLI_STRING, F(search.query), 0, 0, "search", 0,
     "the claim to look for (else the last PATH, or the words after the "
     "options with --db)"},
    {"limit", 'n', "N", CLI_LONG, F(search.limit), 0, 1000000,
     "search stories", 0,
     "show at most N results, 0 for all (search: default 20; stories: "
     "all)"},
    {"min-score", 0, "X", CLI_DOUBLE, F(search.min_score), 0, 100, "search",
     0, "drop sentences scoring below X (default 0.3)"},
    {"timeline", 0, NULL, CLI_FLAG, F(search.timeline), 0, 0, "search", 0,
     "order the sentences by date instead of score"},
    {"variants", 0, NULL, CLI_FLAG, F(search.variants), 0, 0, "search", 0,
     "show what the matching passages differ in"},
    {"pairs", 0, "FILE", CLI_STRING, F(search.pairs), 0, 0, "search", 0,
     "score the sentence pairs of FILE (TSV) instead of searching"},
    {"queries", 0, "FILE", CLI_STRING, F(search.queries), 0, 0, "search", 0,
     "run every line of FILE as a query over the PATHs (JSON Lines)"},
    {"wordnet", 0, "DIR", CLI_STRING, F(search.wordnet), 0, 0,
     "search stories story graph", 0,
     "WordNet's data files (default /usr/share/wordnet; \"\" for none)"},
    {"level", 0, "doc|outlet", CLI_STRING, F(level), 0, 0, "graph", 0,
     "the story model's graph of documents (grouped by outlet in DOT) or "
     "of outlets, with typed edges (docs/story.md)"},
    {"edges", 0, "KINDS", CLI_STRING, F(edges), 0, 0, "graph", 0,
     "the story model's graph with only these edge kinds, comma-separated: "
     "reuse, republication, paraphrase, citation (default: all)"},
    {"id", 0, "N", CLI_LONG, F(story_id), 1, 1000000000, "stories", 0,
     "print story N as its dated chain, as 'hearsay story N' does"},
    {"no-paraphrase", 0, NULL, CLI_FLAG, F(no_paraphrase), 0, 0,
     "stories story graph", 0,
     "do not look for the same claim in other words (faster)"},
    {"source-map", 0, NULL, CLI_FLAG, F(source_map), 0, 0, "extract", 0,
     "add the map from text to page bytes"},
    {"with-text", 0, NULL, CLI_FLAG, F(with_text), 0, 0, "reuse", 0,
     "add each copy's text, series and date to its record (a_text, "
     "b_text, ...)"},
    {"flat", 0, NULL, CLI_FLAG, F(flat), 0, 0, "reuse", 0,
     "JSON Lines with flat fields (a_doc, a_start, a_end, a_words, "
     "a_series, a_date, b_doc, ...) instead of the objects a and b, for "
     "data frames"},
    {"offsets", 0, "bytes|chars", CLI_STRING, F(offsets), 0, 0,
     "reuse families", 0,
     "offsets in bytes of UTF-8 (default; passim format: chars) or in "
     "characters (code points, as Python's str indexes them)"},
    {"text-field", 0, "NAME", CLI_STRING, F(field[1]), 0, 0, FIELDS,
     CLI_READING,
     "the JSON field or CSV/TSV column that holds the text (default "
     "\"text\", else \"content\", \"body\"...; docs/input.md)"},
    {"id-field", 0, "NAME", CLI_STRING, F(field[0]), 0, 0, FIELDS,
     CLI_READING, "the field that holds the document id (default \"id\")"},
    {"outlet-field", 0, "NAME", CLI_STRING, F(field[2]), 0, 0, FIELDS,
     CLI_READING,
     "the field that holds the outlet (default \"series\", else "
     "\"media_name\", \"source\"...)"},
    {"series-field", 0, "NAME", CLI_STRING, F(field[2]), 0, 0, FIELDS,
     CLI_READING, "the same as --outlet-field"},
    {"date-field", 0, "NAME", CLI_STRING, F(field[3]), 0, 0, FIELDS,
     CLI_READING,
     "the field that holds the date (default \"date\", else "
     "\"publish_date\"...)"},
    {"title-field", 0, "NAME", CLI_STRING, F(field[4]), 0, 0, FIELDS,
     CLI_READING, "the field that holds the title (default \"title\")"},
    {"url-field", 0, "NAME", CLI_STRING, F(field[5]), 0, 0, FIELDS,
     CLI_READING, "the field that holds the URL (default \"url\")"},
    {"progress", 0, NULL, CLI_FLAG, F(progress), 0, 0, "*", 0,
     "show progress on stderr (default: when stderr is a terminal)"},
    {"no-progress", 0, NULL, CLI_UNFLAG, F(progress), 0, 0, "*", 0,
     "no progress display"},
    {"quiet", 'q', NULL, CLI_FLAG, F(quiet), 0, 0, "*", 0, "no warnings"},
};
const size_t cli_noptions = sizeof cli_options / sizeof cli_options[0];

const cli_command cli_commands[] = {
    {"reuse", cmd_reuse, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "passages reused between documents (and repeated inside one)",
     "Finds the passages that the documents of PATH... share, or lists the "
     "passages stored in FILE by 'hearsay index'.  PATH is a text file, a "
     "directory, a JSON Lines file (.jsonl, .gz, .zst), a web page or WARC "
     "archive, or - for standard input.\n\n"
     "Each record is one passage: the two copies (document, start and end "
     "offsets), the words matched, the similarity and the family of copies "
     "of the same text.",
     "jsonl tsv text", CLI_DB_READS,
     "hearsay reuse examples/corpus\tthe reuse in the example corpus\n"
     "hearsay reuse --format=tsv --min-words=20 news.jsonl\tlonger passages "
     "as a table\n"
     "hearsay reuse --flat --with-text --offsets=chars news.jsonl\trecords "
     "for pandas\n"
     "hearsay reuse --db news.db --no-internal\tthe stored passages between "
     "documents\n"},
    {"dups", cmd_dups, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "groups of near-duplicate documents",
     "Groups the documents of which at least a share (--threshold) of the "
     "words is reused from one another.",
     "jsonl tsv text", CLI_DB_READS,
     "hearsay dups examples/corpus\tnear-duplicates in the example corpus\n"
     "hearsay dups --threshold=0.9 --db news.db\tstricter groups from a "
     "store\n"},
    {"families", cmd_families, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "each family of reused text with its members",
     "Lists each family (the copies of one text) with its members: the "
     "copies of its passages, overlapping copies in one document merged.  "
     "JSON Lines gives one record a family with its members; TSV one row "
     "a member; --format passim writes passim's cluster records, one a "
     "member: cluster, size, id, series, date, begin, end (characters), "
     "text.",
     "jsonl tsv text passim", CLI_DB_READS,
     "hearsay families examples/corpus\tthe families of the example "
     "corpus\n"
     "hearsay families --format=passim --db news.db > out.json\tpassim's "
     "output from a store\n"},
    {"index", cmd_index, "--db FILE [OPTIONS] PATH...",
     "add documents to a store; only new ones are processed",
     "Adds the documents of PATH... that FILE does not hold yet, aligns "
     "them against the stored ones, and commits them in batches, each one "
     "transaction: an interruption loses at most the batch in progress.  "
     "FILE is created if it does not exist.",
     NULL, 0,
     "hearsay index --db news.db crawl/2024-05/\tadd a month of articles\n"
     "hearsay extract pages/ | hearsay index --db news.db -\tstore web pages "
     "with their outlets\n"},
    {"trace", cmd_trace, "[OPTIONS] PATH... [-o DIR] [--db FILE]\n--db FILE "
     "[-o DIR]",
     "write an offline HTML report of the reuse",
     "Finds the reuse (adding PATH... to the store first when --db is "
     "given), groups near-duplicates and writes an HTML report to DIR that "
     "opens without a server.",
     NULL, CLI_DB_READS,
     "hearsay trace examples/corpus -o report\tthe report of the example "
     "corpus\n"},
    {"extract", cmd_extract, "[OPTIONS] FILE...",
     "article text and metadata of web pages and WARC records",
     "Writes one JSON Lines record per HTML page or WARC record: id, url, "
     "title, date, authors, series (the outlet; also as outlet), language, "
     "text.  The records are hearsay's input format, so they can be piped "
     "into 'hearsay index' or 'hearsay reuse'.",
     "jsonl", 0,
     "hearsay extract saved-pages/ > articles.jsonl\tthe articles of saved "
     "pages\n"
     "hearsay extract crawl.warc.gz | hearsay reuse -\treuse between the "
     "articles of an archive\n"},
    {"search", cmd_search,
     "--db FILE [OPTIONS] CLAIM\n[OPTIONS] PATH... --query CLAIM",
     "sentences that state a claim, best first",
     "Finds the sentences that state CLAIM across paraphrases, spellings "
     "and scripts (docs/search.md); --timeline orders them by date, "
     "--variants shows what the passages differ in.",
     "jsonl tsv text", CLI_DB_READS,
     "hearsay search --db news.db 'the minister resigned'\tbest matches in "
     "a store\n"
     "hearsay search --timeline --query='oil prices' corpus/\tin date "
     "order\n"},
    {"stories", cmd_stories, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "documents grouped into stories",
     "Groups the documents into stories: documents joined by reused "
     "passages, republication (a near-duplicate under a later date), the "
     "same claim in other words (paraphrase) and citation.  Each story "
     "comes with its first publisher (with the date's source, confidence, "
     "ties and runners-up), its date span, outlets, documents (date, "
     "outlet, headline) and shared claims (docs/story.md).",
     "jsonl text", CLI_DB_READS,
     "hearsay stories --db news.db --limit=10\tthe ten largest stories\n"
     "hearsay stories --id=3 corpus/\tstory 3 as a dated chain\n"},
    {"story", cmd_stories, "N [OPTIONS] PATH...\nN --db FILE [OPTIONS]",
     "one story as a dated chain",
     "Prints story N (as numbered by 'hearsay stories') document by "
     "document in date order, with who copied which passages from whom, "
     "who retold the claim in other words and what changed, who cited "
     "whom: text on a terminal, JSON Lines records of type story, node and "
     "edge otherwise (docs/story.md).",
     "jsonl text", CLI_DB_READS,
     "hearsay story 1 --db news.db\tthe largest story, read top to "
     "bottom\n"},
    {"meta", cmd_meta, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "date, outlet, title, byline, boilerplate and attributions",
     "Writes the metadata of each document as one JSON Lines record "
     "(docs/sources.md).",
     "jsonl", CLI_DB_READS,
     "hearsay meta examples/corpus | jq .date\tthe date of each document\n"},
    {"sources", cmd_sources, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "most-cited sources, first publishers, outlets that only copy",
     "Summarises who is cited and who publishes first: the most-cited "
     "sources, the first publisher of each family, the outlets that only "
     "copy.",
     "jsonl text", CLI_DB_READS,
     "hearsay sources --format=text examples/corpus\ta summary to read\n"},
    {"graph", cmd_graph, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "the propagation graph (JSON Lines, DOT or GEXF)",
     "Writes the graph of outlets and documents with who copied from whom, "
     "as JSON Lines, GraphViz DOT or GEXF (Gephi, networkx.read_gexf).",
     "jsonl dot gexf", CLI_DB_READS,
     "hearsay graph --format=gexf --db news.db > news.gexf\tfor Gephi or "
     "networkx\n"
     "hearsay graph --level=doc --edges=reuse,paraphrase corpus/\tthe "
     "story model's document graph\n"},
    {"timeline", cmd_timeline, "[OPTIONS] PATH...\n--db FILE [OPTIONS]",
     "documents and families in date order",
     "Lists documents and families of reused text in date order.",
     "jsonl text", CLI_DB_READS,
     "hearsay timeline --format=text --db news.db\tthe story as it "
     "spread\n"},
    {"version", NULL, "", "print the version",
     "Prints the version (also -V, --version).", NULL, 0,
     "hearsay --version\t\n"},
    {"help", NULL, "[COMMAND]\n--man [COMMAND]\n--completion",
     "help on a command",
     "Prints the help of COMMAND (as 'hearsay COMMAND --help'), or of "
     "hearsay.  --man writes the manual page instead, and --completion "
     "the bash completion script; both are made from the same table as "
     "the help.",
     NULL, 0,
     "hearsay help reuse\tthe options of reuse\n"
     "hearsay help --man reuse | man -l -\tits manual page\n"},
};
const size_t cli_ncommands = sizeof cli_commands / sizeof cli_commands[0];

const cli_command *cli_find_command(const char *name) {
  size_t k;
  for (k = 0; k < cli_ncommands; k++)
    if (!strcmp(name, cli_commands[k].name)) return &cli_commands[k];
  return NULL;
}

int cli_option_for(const cli_option *o, const char *cmd) {
  const char *p = o->cmds;
  size_t n = strlen(cmd);
  if (!strcmp(p, "*")) return 1;
  while ((p = strstr(p, cmd)) != NULL) {
    if ((p == o->cmds || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
      return 1;
    p += n;
  }
  return 0;
}

int cli_given(const cli *c, const char *name) {
  size_t i;
  for (i = 0; i < cli_noptions; i++)
    if (c->given[i] && !strcmp(cli_options[i].name, name)) return 1;
  return 0;
}
