"""The user query language, parsed into Whoosh queries and the concepts a search ranks by.

Syntax (case of operators matters, like Google and Hansard):

- ``county lines``: the words, each a *concept* of the query. Passages and agenda items
  are ranked by how many of the concepts they match first (a soft AND, as Lucene's
  ``minimum_should_match`` and Xapian's ``OP_AND_MAYBE``), then by BM25F; the page is
  filled with items that match some of them after those that match all. Words are
  searched in the passage and its item title; they are stemmed, so "lines" also finds
  "line". An acronym and its long form are one concept ("IOPC" also searches
  "Independent Office for Police Conduct"; see :mod:`indexer.synonyms`).
- ``county AND lines``, ``+county lines``: an explicit AND or a ``+`` makes words required.
- ``"modern slavery"``: an exact phrase (never expanded). ``polic*``: words starting with "polic".
- ``knife OR gun``, ``-firearms`` / ``NOT firearms``, ``(knife OR gun) crime``.
- Filters: ``section:resolution``, ``speaker:commissioner`` (aliases such as ``pcc``),
  ``committee:"Hampshire Police"``, ``date:2018``, ``date:2018-01..2019-06``,
  ``before:2019``, ``after:2018-06``, ``title:precept``, ``name:warwick``, ``item:9``.

Malformed queries raise :class:`QueryError` with a sentence saying how to fix them.
This module and :mod:`indexer.search` are the only places that build Whoosh queries.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from whoosh import query as wq
from whoosh.query.wrappers import WrappingQuery

from .analysis import ANALYZER, EXACT_ANALYZER, HYPHENS, is_alpha_compound, normalise_word, terms
from .errors import QueryError
from .glossary import RELATED_WEIGHT
from .schema import date_key, item_number_key
from .snippets import Marks
from .synonyms import Group, Synonyms, variants
from .vocab import ROLES, SECTIONS, resolve_role, resolve_section

MAX_QUERY_CHARS = 500
MAX_CLAUSES = 40

#: Filter name → what it filters (aliases included).
FILTERS = {
    "section": "section",
    "speaker": "speaker",
    "role": "speaker",
    "committee": "committee",
    "panel": "committee",
    "date": "date",
    "year": "date",
    "before": "before",
    "after": "after",
    "title": "title",
    "name": "name",
    "item": "item",
    "exact": "exact",
}
#: The field plain words search (see :mod:`indexer.schema`).
DEFAULT_FIELD = "text"
#: The same words unstemmed: what exact-word searches look in.
EXACT_FIELD = "exact"
FILTER_HELP = "section:, speaker:, committee:, date:, before:, after:, title:, name:, item:, exact:"



# ---------------------------------------------------------------- syntax tree


@dataclass(frozen=True, slots=True)
class Text:
    """Words or a quoted phrase, searched in ``fields`` (None: the default fields)."""

    raw: str
    phrase: bool = False
    fields: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Filter:
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Not:
    node: Node


@dataclass(frozen=True, slots=True)
class Required:
    """A part joined by an explicit AND, or marked with +: it must match."""

    node: Node


@dataclass(frozen=True, slots=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    nodes: tuple[Node, ...]


Node = Text | Filter | Not | Required | And | Or


# ---------------------------------------------------------------- lexer

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<field>[A-Za-z_]+):
  | (?P<quote>["“”])
  | (?P<minus>-(?=[^\s-]))
  | (?P<plus>\+(?=[^\s+]))
  | (?P<word>[^\s()"“”]+)
    """,
    re.VERBOSE,
)


_WORD_RE = re.compile(r"[^\s()\"“”]+")


@dataclass(slots=True)
class _Tok:
    kind: str
    text: str
    pos: int


def _lex(q: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i = 0
    while i < len(q):
        m = _TOKEN_RE.match(q, i)
        assert m is not None  # the word alternative matches any non-space run
        kind = m.lastgroup or "word"
        if kind == "quote":
            end = _find_closing_quote(q, m.end())
            if end < 0:
                raise QueryError(
                    f'The quotation mark before "{q[m.end():m.end() + 30]}" is never closed: '
                    'add a closing " to search for the phrase.'
                )
            toks.append(_Tok("phrase", q[m.end():end], m.start()))
            i = end + 1
            continue
        if kind == "field":
            name, rest = m.group("field"), q[m.end():]
            if not rest or rest[0].isspace() or rest[0] == ")":
                if name.lower() in FILTERS:
                    raise QueryError(f"The filter \"{name}:\" needs a value, as in: {_example(FILTERS[name.lower()])}")
                m = _WORD_RE.match(q, i)  # "Note: …" pasted from minutes is just a word
                assert m is not None
                kind = "word"
            elif name.lower() not in FILTERS:
                if not rest.startswith("//"):
                    raise QueryError(f"There is no filter called \"{name}:\". Filters you can use: {FILTER_HELP}")
                m = _WORD_RE.match(q, i)  # a pasted URL: just words
                assert m is not None
                kind = "word"
        if kind == "word" and m.group(0) in ("AND", "OR", "NOT"):
            kind = m.group(0).lower()
        if kind != "ws":
            text = m.group("field") if kind == "field" else m.group(0)
            toks.append(_Tok(kind, text, m.start()))
        i = m.end()
    return toks


def _find_closing_quote(q: str, start: int) -> int:
    for j in range(start, len(q)):
        if q[j] in "\"“”":
            return j
    return -1


# ---------------------------------------------------------------- parser


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        if not self.toks:
            return None
        node = self.or_expr()
        tok = self.peek()
        if tok is not None:
            assert tok.kind == "rparen"
            raise QueryError("There is a closing parenthesis \")\" without an opening one; remove it or add \"(\".")
        return node

    def or_expr(self) -> Node:
        nodes = [self.and_expr()]
        while (tok := self.peek()) is not None and tok.kind == "or":
            self.take()
            if self.peek() is None or self.peek().kind in ("or", "rparen"):  # type: ignore[union-attr]
                raise QueryError("OR needs something to search for on both sides, as in: knife OR gun")
            nodes.append(self.and_expr())
        return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))

    def and_expr(self) -> Node:
        nodes: list[Node] = []
        joined = False  # the next part follows an explicit AND
        while (tok := self.peek()) is not None and tok.kind not in ("or", "rparen"):
            if tok.kind == "and":
                self.take()
                if nodes and not isinstance(nodes[-1], Required):
                    nodes[-1] = Required(nodes[-1])
                joined = bool(nodes)
                continue
            node = self.unary()
            nodes.append(Required(node) if joined and not isinstance(node, Required) else node)
            joined = False
        if not nodes:
            tok = self.peek()
            if tok is not None and tok.kind == "rparen" and self.depth == 0:
                raise QueryError("There is a closing parenthesis \")\" without an opening one; remove it or add \"(\".")
            if tok is not None and tok.kind == "or":
                raise QueryError("OR needs something to search for on both sides, as in: knife OR gun")
            raise QueryError("Empty parentheses: put words inside them, as in: (knife OR gun) crime")
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    def unary(self) -> Node:
        tok = self.take()
        if tok.kind in ("not", "minus"):
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", "rparen", "and"):
                raise QueryError(f"\"{tok.text}\" must be followed by what to leave out, as in: -firearms")
            return Not(self.unary())
        if tok.kind == "plus":
            nxt = self.peek()
            if nxt is None or nxt.kind in ("or", "rparen", "and"):
                raise QueryError("\"+\" must be followed by a word that must match, as in: +precept")
            inner = self.unary()
            return inner if isinstance(inner, Required) else Required(inner)
        if tok.kind == "lparen":
            self.depth += 1
            node = self.or_expr()
            close = self.peek()
            if close is None:
                raise QueryError("A parenthesis \"(\" is never closed: add \")\" after the grouped words.")
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "field":
            return self.filter(tok)
        if tok.kind == "phrase":
            return Text(tok.text, phrase=True)
        if tok.kind == "rparen":  # pragma: no cover - excluded by and_expr
            raise QueryError("Unexpected \")\".")
        return Text(tok.text)

    def filter(self, tok: _Tok) -> Node:
        name = FILTERS[tok.text.lower()]
        value_tok = self.peek()
        if value_tok is None or value_tok.kind not in ("word", "phrase", "lparen"):
            raise QueryError(f"The filter \"{tok.text}:\" needs a value, as in: {_example(name)}")
        if value_tok.kind == "lparen":
            # speaker:(commissioner OR pcc) — apply the filter to each alternative.
            self.take()
            inner = self.or_expr()
            if self.peek() is None:
                raise QueryError("A parenthesis \"(\" is never closed: add \")\" after the grouped words.")
            self.take()
            return _apply_filter(name, inner)
        self.take()
        if name in _TEXT_FILTER_FIELDS:
            return Text(value_tok.text, phrase=value_tok.kind == "phrase", fields=_TEXT_FILTER_FIELDS[name])
        return Filter(name, value_tok.text)


_TEXT_FILTER_FIELDS = {"title": ("title",), "name": ("speaker_name",), "exact": (EXACT_FIELD,)}


def _apply_filter(name: str, node: Node) -> Node:
    if isinstance(node, Text):
        if name in _TEXT_FILTER_FIELDS:
            return Text(node.raw, node.phrase, _TEXT_FILTER_FIELDS[name])
        return Filter(name, node.raw)
    if isinstance(node, (Not, Required)):
        return type(node)(_apply_filter(name, node.node))
    if isinstance(node, (And, Or)):
        return type(node)(tuple(_apply_filter(name, n) for n in node.nodes))
    raise QueryError(f"Filters cannot be nested inside \"{name}:( … )\".")


def _example(name: str) -> str:
    return {
        "section": "section:resolution",
        "speaker": "speaker:commissioner",
        "committee": 'committee:"Police and Crime Panel"',
        "date": "date:2018 or date:2018-01..2019-06",
        "before": "before:2019-06",
        "after": "after:2018",
        "title": "title:precept",
        "name": "name:warwick",
        "item": "item:9",
        "exact": "exact:worthing",
    }[name]


# ---------------------------------------------------------------- compiled query


@dataclass(frozen=True, slots=True)
class Concept:
    """One thing a search looks for: a word, a phrase, an alternative (``knife OR gun``)
    or an acronym with its long forms. Ranking counts the concepts a result matches."""

    #: as typed, for "matches 2 of 3 words"
    label: str
    #: what matches it (a combination of :class:`Combined` leaves)
    query: wq.Query
    #: True when joined by an explicit AND or marked with +: only results that match it
    required: bool = False
    #: analysed terms whose positions count for proximity (words of the concept standing
    #: near the others')
    terms: tuple[str, ...] = ()
    #: a question word ("how much", "what did they think"): scored, but matching it does
    #: not count toward coverage (see QUESTION_WORDS)
    weak: bool = False
    #: the concept without its related terms (glossary.RELATED), None if it has none: a
    #: passage that matches the concept only by a related term counts RELATED_WEIGHT of
    #: the concept toward coverage (see indexer.search)
    typed: wq.Query | None = None


#: Words of questions as residents type them that say little about the answer ("how
#: much", "how many", "what did they think", "what happened", "when is the next …",
#: "who sits on …", "the new chief constable"): not stop words (they can matter in a
#: phrase, and "much" is searched when typed alone), but a passage matching them has not
#: matched more of the question. In a small or specialised archive their document
#: frequency says nothing ("next" is rarer than "election" in a panel's minutes), so they
#: are listed, as query-time stop words are in Lucene and Xapian. Most question words ("how", "what", "why",
#: "will", "my") are stop words already (indexer.analysis.STOP_WORDS). "Meeting" is one
#: too in an archive of minutes: every passage is from a meeting, so "prayers at council
#: meetings" or "can I speak at a planning committee meeting" are about prayers and
#: speaking, not about the passages that name a meeting. Prepositions of time and place
#: that are not stop words ("after", "during", "over", …) relate a query's concepts
#: rather than name one: in "what did the council do after the Grenfell fire" a passage
#: with "fire" and "after" has not matched more of the question than one with "Grenfell"
#: (dev 0.827 → 0.829: "how did the police cope during the covid lockdown" 0.806 → 0.928,
#: no query lost). "Against" stays a concept: votes and decisions against something are
#: what a query with it asks for.
QUESTION_WORDS = frozenset(
    "much many think thinks thought happen happens happened happening get gets got tell know want"
    " next last new set up going go goes done make makes made take takes taken say says said way ways"
    " ever still really currently actually sit sits anything something someone anyone"
    " meeting meetings"
    " after before during over under within without since across around upon via per among between"
    " toward towards".split()
)


@dataclass(slots=True)
class ParsedQuery:
    """A user query compiled for Whoosh, with what the UI needs to explain it."""

    text: str
    #: every concept and filter required: the strict reading of the query
    query: wq.Query | None
    #: analysed terms to highlight wherever they occur
    terms: frozenset[str] = frozenset()
    #: analysed phrases (and hyphenated words) to highlight only where they occur in
    #: order: (term, position after the first term) pairs; stop words leave gaps
    phrases: tuple[tuple[tuple[str, int], ...], ...] = ()
    #: prefixes of ``polic*`` searches, to highlight terms starting with them
    prefixes: tuple[str, ...] = ()
    #: words dropped because they are too common to search (e.g. "the", "how")
    ignored: tuple[str, ...] = ()
    #: True when the query searches for words, not only filters
    has_text: bool = False
    #: what the search ranks by (see :class:`Concept`); empty for a filters-only query
    concepts: tuple[Concept, ...] = ()
    #: what every result must match besides the required concepts: filters, field
    #: searches (``title:``) and exclusions; None if nothing
    filters: wq.Query | None = None
    #: the concepts as typed, for "matches 2 of 3 words" messages
    words: tuple[str, ...] = field(default=())
    #: (what was typed, the other spellings also searched), for "also searched: …"
    expanded: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (what was typed, the related terms also searched at a reduced weight)
    related: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: words searched exactly (unstemmed), and unstemmed prefixes, to highlight
    exact_terms: frozenset[str] = frozenset()
    exact_prefixes: tuple[str, ...] = ()

    def marks(self) -> Marks:
        """What to highlight in stored text for this query."""
        return Marks(self.terms, self.phrases, self.prefixes, self.exact_terms, self.exact_prefixes)


def parse_query(text: str, exact: bool = False, synonyms: Synonyms | None = None) -> ParsedQuery:
    """Parse a user query; raise :class:`QueryError` with advice if it is malformed.

    With ``exact``, every word is searched as written (unstemmed, in the ``exact``
    field), as ``exact:word`` does for one word. ``synonyms`` (the index's acronyms and
    long forms) expand unquoted words (not exact ones).
    """
    text = (text or "").strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The search is too long ({len(text)} characters); keep it under {MAX_QUERY_CHARS}.")
    tree = _Parser(_lex(text)).parse()
    if tree is None:
        return ParsedQuery(text, None)
    compiler = _Compiler(None if exact else synonyms, exact)
    concepts, filters = compiler.top_level(tree)
    if compiler.clauses > MAX_CLAUSES:
        raise QueryError(f"The search has too many parts ({compiler.clauses}); use at most {MAX_CLAUSES}.")
    if not concepts and not filters:
        if not compiler.ignored:
            raise QueryError("The search has no words to look for; type a word such as: precept")
        raise QueryError(
            "Every word in this search is too common to search for on its own "
            f"({', '.join(compiler.ignored)}); add a more specific word."
        )
    if _only_negative(tree):
        raise QueryError("The search only says what to leave out; add a word or filter to look for.")
    parts = [c.query for c in concepts] + filters
    return ParsedQuery(
        text=text,
        query=parts[0] if len(parts) == 1 else wq.And(parts),
        terms=frozenset(compiler.terms),
        phrases=tuple(dict.fromkeys(compiler.phrases)),
        prefixes=tuple(compiler.prefixes),
        ignored=tuple(compiler.ignored),
        has_text=bool(concepts),
        concepts=tuple(concepts),
        filters=None if not filters else filters[0] if len(filters) == 1 else wq.And(filters),
        words=tuple(c.label for c in concepts),
        expanded=tuple(compiler.expanded),
        related=tuple(compiler.related),
        exact_terms=frozenset(compiler.exact_terms),
        exact_prefixes=tuple(compiler.exact_prefixes),
    )


def _only_negative(node: Node) -> bool:
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(_only_negative(n) for n in node.nodes)
    return False


def _has_words(node: Node) -> bool:
    """True if ``node`` looks for words of the passages (not only filters or exclusions)."""
    if isinstance(node, Text):
        return node.fields is None
    if isinstance(node, Required):
        return _has_words(node.node)
    if isinstance(node, (And, Or)):
        return any(_has_words(n) for n in node.nodes)
    return False


def _label(node: Node) -> str:
    if isinstance(node, Text):
        return f'"{node.raw}"' if node.phrase else node.raw
    if isinstance(node, Required):
        return _label(node.node)
    if isinstance(node, Or):
        return " OR ".join(_label(n) for n in node.nodes)
    if isinstance(node, And):
        return "(" + " ".join(_label(n) for n in node.nodes) + ")"
    return ""


class _Compiler:
    def __init__(self, synonyms: Synonyms | None = None, exact: bool = False) -> None:
        self.synonyms = synonyms
        self.exact = exact
        self.exact_terms: set[str] = set()
        self.exact_prefixes: list[str] = []
        self.terms: set[str] = set()
        self.phrases: list[tuple[tuple[str, int], ...]] = []
        self.prefixes: list[str] = []
        self.ignored: list[str] = []
        self.expanded: list[tuple[str, tuple[str, ...]]] = []
        self.related: list[tuple[str, tuple[str, ...]]] = []
        self.clauses = 0
        #: extra alternatives for typed word nodes that spell out a long form (by id(node))
        self._also: dict[int, list[wq.Query]] = {}

    # -------------------------------------------------------------- top level

    def top_level(self, tree: Node) -> tuple[list[Concept], list[wq.Query]]:
        """Split a parsed query into concepts (what results are ranked by) and filters
        (what every result must match)."""
        nodes = list(_flatten(tree))
        self._expand_long_forms(nodes)
        self._expand_related(nodes)
        concepts: list[Concept] = []
        filters: list[wq.Query] = []
        for node in nodes:
            if _has_words(node) and not isinstance(node, Not):
                required = isinstance(node, Required)
                inner = node.node if isinstance(node, Required) else node
                terms: list[str] = []
                q = self.compile(inner, proximity=terms)
                if q is not None:
                    weak = (isinstance(inner, Text) and not inner.phrase and not required
                            and normalise_word(inner.raw) in QUESTION_WORDS)
                    concepts.append(Concept(_label(inner), q, required, tuple(dict.fromkeys(terms)), weak,
                                            _without_related(q)))
                continue
            q = self.compile(node.node if isinstance(node, Required) else node)
            if q is not None:
                filters.append(q)
        return concepts, filters

    def _expand_long_forms(self, nodes: list[Node]) -> None:
        """Find runs of typed words that spell out a long form ("independent office for
        police conduct"); each of those words also matches the group's acronyms."""
        if self.synonyms is None:
            return
        words: list[tuple[int, str]] = []  # (node index, analysed term) of plain typed words
        for i, node in enumerate(nodes):
            if isinstance(node, Text) and not node.phrase and node.fields is None and not node.raw.endswith("*"):
                words.extend((i, t.text) for t in ANALYZER(node.raw, mode="query"))
        terms = [t for _, t in words]
        k = 0
        while k < len(terms):
            found = self.synonyms.long_form_at(terms, k)
            if found is None:
                k += 1
                continue
            n, group = found
            span = sorted({i for i, _ in words[k:k + n]})
            # a long form must use whole typed words
            if (k > 0 and words[k - 1][0] == span[0]) or (k + n < len(words) and words[k + n][0] == span[-1]):
                k += 1
                continue
            acronyms = [a for a in group.acronyms if a.terms[0] not in group.ambiguous]
            if acronyms:
                for i in span:
                    self._also.setdefault(id(nodes[i]), []).extend(wq.Term(DEFAULT_FIELD, a.terms[0]) for a in acronyms)
                for a in acronyms:
                    self.terms.add(a.terms[0])
                typed = " ".join(nodes[i].raw for i in range(span[0], span[-1] + 1) if isinstance(nodes[i], Text))
                self.expanded.append((typed, tuple(a.text for a in acronyms)))
            k += n

    def _expand_related(self, nodes: list[Node]) -> None:
        """Find runs of typed words that spell out a related term of the field's thesaurus
        ("cyber crime"); each of those words also matches the line's other terms ("online
        fraud"), their occurrences weighing RELATED_WEIGHT of a typed word's."""
        if self.synonyms is None:
            return
        words = _plain_words(nodes)
        terms = [t for _, t in words]
        k = 0
        while k < len(terms):
            found = self.synonyms.related_at(terms, k)
            span = None if found is None else _whole_words(words, k, found[0])
            if found is None or span is None:
                k += 1
                continue
            n, forms = found
            # a related term the query types out anyway is searched as typed, not again
            forms = tuple(f for f in forms if not set(f.terms) <= set(terms))
            if not forms:
                k += n
                continue
            alts: list[wq.Query] = []
            for form in forms:
                if form.is_phrase:
                    alts.append(SpacedPhrase(DEFAULT_FIELD, list(form.terms), form.offsets, boost=RELATED_WEIGHT))
                    self.phrases.append(tuple(zip(form.terms, form.offsets)))
                else:
                    alts.append(wq.Term(DEFAULT_FIELD, form.terms[0], boost=RELATED_WEIGHT))
                    self.terms.add(form.terms[0])
            for i in span:
                self._also.setdefault(id(nodes[i]), []).extend(alts)
            typed = " ".join(nodes[i].raw for i in range(span[0], span[-1] + 1) if isinstance(nodes[i], Text))
            self.related.append((typed, tuple(dict.fromkeys(f.text for f in forms))))
            k += n

    # -------------------------------------------------------------- nodes

    def compile(self, node: Node, negated: bool = False, proximity: list[str] | None = None) -> wq.Query | None:
        self.clauses += 1
        if isinstance(node, Text):
            return self.text(node, negated, proximity)
        if isinstance(node, Filter):
            return compile_filter(node.name, node.value)
        if isinstance(node, Not):
            inner = self.compile(node.node, not negated)
            return None if inner is None else wq.Not(inner)
        if isinstance(node, Required):
            return self.compile(node.node, negated, proximity)
        parts = [q for q in (self.compile(n, negated, proximity) for n in node.nodes) if q is not None]
        if not parts:
            return None
        if len(parts) == 1:
            return parts[0]
        return wq.And(parts) if isinstance(node, And) else wq.Or(parts)

    def text(self, node: Text, negated: bool, proximity: list[str] | None = None) -> wq.Query | None:
        raw = node.raw
        if node.fields == (EXACT_FIELD,) or (self.exact and node.fields is None):
            return self.exact_text(node, negated)
        if not node.phrase and raw.endswith("*"):
            return self.prefix(node, negated)
        if "*" in raw and not node.phrase:
            raise QueryError(
                "Put * only at the end of a word of at least 3 letters, as in: polic* (finds police, policing)."
            )
        tokens = [(t.text, t.pos) for t in ANALYZER(raw, positions=True, mode="query")]
        analysed = [word for word, _ in tokens]
        offsets = tuple(pos - tokens[0][1] for _, pos in tokens) if tokens else ()
        if not analysed:
            if any(c.isalnum() for c in raw):
                self.ignored.append(raw)
            return None
        if not negated:
            if len(analysed) == 1:
                self.terms.add(analysed[0])
            else:
                self.phrases.append(tuple(zip(analysed, offsets)))
        if node.fields is not None:  # title:, name:
            alts = [_words_query(f, analysed, offsets) for f in node.fields]
            return alts[0] if len(alts) == 1 else wq.Or(alts)
        q = _words_query(DEFAULT_FIELD, analysed, offsets)
        joined = _joined_compound(raw) if len(analysed) > 1 else None
        if joined is not None:
            # "co-operation" also finds "cooperation", as "cooperation" finds "co-operation"
            # (indexed joined too: see MinutesTokenizer); Lucene's WordDelimiterGraphFilter
            q = Synonym([q, wq.Term(DEFAULT_FIELD, joined)])
            if not negated:
                self.terms.add(joined)
        if proximity is not None:
            proximity.append(analysed[0])
        group = None if node.phrase or negated or self.synonyms is None else self.synonyms.for_acronym(raw)
        if group is not None:
            return Combined(self.synonym_group(raw, q, group, proximity))
        also = [] if negated else self._also.get(id(node), [])
        if any(a.boost == 1.0 for a in also):  # a long form's word: no word synonyms added
            return Combined(Synonym([*_alternatives(q), *also]))
        same = () if node.phrase or negated or self.synonyms is None or len(analysed) != 1 \
            else self.synonyms.for_word(raw)
        if same:
            self.terms.update(t for _, t in same)
            self.expanded.append((raw, tuple(w for w, _ in same)))
        extra = [*(wq.Term(DEFAULT_FIELD, t) for _, t in same), *also]
        if extra:
            return Combined(Synonym([*_alternatives(q), *extra]))
        return Combined(q)

    def synonym_group(self, raw: str, typed: wq.Query, group: Group, proximity: list[str] | None) -> wq.Query:
        """The typed acronym and every other spelling of its group, scored as one term."""
        alts: list[wq.Query] = [typed]
        others: list[str] = []
        for form in group.forms():
            if form.terms == (getattr(typed, "text", None),):
                continue
            others.append(form.text)
            if form.is_phrase:
                for v in variants(form):
                    alts.append(SpacedPhrase(DEFAULT_FIELD, list(v.terms), v.offsets))
                    self.phrases.append(tuple(zip(v.terms, v.offsets)))
            else:
                alts.append(wq.Term(DEFAULT_FIELD, form.terms[0]))
                self.terms.add(form.terms[0])
            if proximity is not None:
                proximity.append(form.terms[0])
        if others:
            self.expanded.append((raw, tuple(dict.fromkeys(others))))
        return Synonym(alts) if len(alts) > 1 else typed

    def exact_text(self, node: Text, negated: bool) -> wq.Query | None:
        """Words as written: each must occur unstemmed (``exact`` field); several words
        or a quoted phrase must also stand together as a phrase (in ``text``, which
        holds positions)."""
        raw = node.raw
        if not node.phrase and raw.endswith("*"):
            stem = normalise_word(raw.rstrip("*"))
            if "*" in stem or len(stem) < 3 or not stem.isalnum():
                raise QueryError(
                    "Put * only at the end of a word of at least 3 letters, as in: polic* (finds police, policing)."
                )
            if not negated:
                self.exact_prefixes.append(stem)
            return wq.Prefix(EXACT_FIELD, stem)
        if "*" in raw and not node.phrase:
            raise QueryError(
                "Put * only at the end of a word of at least 3 letters, as in: polic* (finds police, policing)."
            )
        words = [t.text for t in EXACT_ANALYZER(raw, mode="query")]
        if not words:
            if any(c.isalnum() for c in raw):
                self.ignored.append(raw)
            return None
        if not negated:
            self.exact_terms.update(words)
        exact_terms: list[wq.Query] = [wq.Term(EXACT_FIELD, w) for w in dict.fromkeys(words)]
        if len(words) == 1:
            return exact_terms[0]
        tokens = [(t.text, t.pos) for t in ANALYZER(raw, positions=True, mode="query")]
        offsets = tuple(pos - tokens[0][1] for _, pos in tokens)
        if not negated:
            self.phrases.append(tuple(zip((w for w, _ in tokens), offsets)))
        return wq.And([SpacedPhrase(DEFAULT_FIELD, [w for w, _ in tokens], offsets), *exact_terms])

    def prefix(self, node: Text, negated: bool) -> wq.Query:
        stem = normalise_word(node.raw.rstrip("*"))
        if "*" in stem or len(stem) < 3 or not stem.isalnum():
            raise QueryError(
                "Put * only at the end of a word of at least 3 letters, as in: polic* (finds police, policing)."
            )
        if not negated:
            self.prefixes.append(stem)
        if node.fields is not None:
            alts = [wq.Prefix(f, stem) for f in node.fields]
            return alts[0] if len(alts) == 1 else wq.Or(alts)
        return Combined(wq.Prefix(DEFAULT_FIELD, stem))


def _without_related(q: wq.Query) -> wq.Query | None:
    """``q`` without the related terms added to its words (alternatives searched at a
    reduced weight), or None if it has none."""
    if isinstance(q, Combined) and isinstance(q.child, Synonym):
        alts = [a for a in q.child.subqueries if a.boost == 1.0]
        if len(alts) == len(q.child.subqueries):
            return None
        return Combined(alts[0] if len(alts) == 1 else Synonym(alts))
    if isinstance(q, (wq.And, wq.Or)) and not isinstance(q, Synonym):
        parts = [_without_related(s) for s in q.subqueries]
        if all(p is None for p in parts):
            return None
        return q.__class__([s if p is None else p for s, p in zip(q.subqueries, parts)])
    return None


def _alternatives(q: wq.Query) -> list[wq.Query]:
    """The alternatives of a query about to join a :class:`Synonym` (a synonym's own, so
    that synonyms never nest: "anti-social" is already one of its phrase and joined word)."""
    return list(q.subqueries) if isinstance(q, Synonym) else [q]


def _plain_words(nodes: list[Node]) -> list[tuple[int, str]]:
    """(node index, analysed term) of the plain typed words: unquoted, no field, no *."""
    words: list[tuple[int, str]] = []
    for i, node in enumerate(nodes):
        if isinstance(node, Text) and not node.phrase and node.fields is None and not node.raw.endswith("*"):
            words.extend((i, t.text) for t in ANALYZER(node.raw, mode="query"))
    return words


def _whole_words(words: list[tuple[int, str]], k: int, n: int) -> list[int] | None:
    """The node indexes of ``words[k:k + n]`` if they are whole typed words, else None."""
    span = sorted({i for i, _ in words[k:k + n]})
    if (k > 0 and words[k - 1][0] == span[0]) or (k + n < len(words) and words[k + n][0] == span[-1]):
        return None
    return span


def _flatten(node: Node) -> list[Node]:
    """The parts of a top-level conjunction (nested groups of plain parts flattened)."""
    if isinstance(node, And):
        return [n for child in node.nodes for n in _flatten(child)]
    return [node]


class Combined(WrappingQuery):  # type: ignore[misc]
    """Words searched in a passage and in its item's title, scored as one field (BM25F,
    as Lucene's ``combined_fields``); evaluated by :mod:`.executor`, which tells a match in
    the passage from one in the title. The child searches the ``text`` field.

    Whoosh's own matcher (used only by tests) searches the child in ``text`` alone.
    """

    def _rewrap(self, child: wq.Query) -> Combined:
        return self.__class__(child)

    def __unicode__(self) -> str:
        return f"combined({self.child})"

    __str__ = __unicode__


class Synonym(wq.Or):  # type: ignore[misc]
    """Spellings of one concept (a word and an acronym, an acronym and its long forms),
    scored as one term: their occurrences are counted together, as Lucene's
    ``SynonymQuery`` and Xapian's ``OP_SYNONYM`` do. Whoosh's matcher treats it as an OR."""

    def __unicode__(self) -> str:
        return "synonym(" + " | ".join(str(q) for q in self.subqueries) + ")"

    __str__ = __unicode__


class SpacedPhrase(wq.Phrase):  # type: ignore[misc]
    """A phrase whose words stand at given offsets from the first: a stop word inside
    the phrase leaves a gap, as it does in the index. Evaluated by :mod:`.executor`."""

    def __init__(self, fieldname: str, words: list[str], offsets: tuple[int, ...] | None = None,
                 boost: float = 1.0) -> None:
        super().__init__(fieldname, list(words), boost=boost)
        self.offsets = tuple(offsets) if offsets is not None else tuple(range(len(words)))

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "offsets", None) == self.offsets

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.offsets))

    def __repr__(self) -> str:
        return f"SpacedPhrase({self.fieldname!r}, {self.words!r}, {self.offsets!r}, boost={self.boost})"

    def normalize(self) -> wq.Query:
        return wq.Term(self.fieldname, self.words[0], boost=self.boost) if len(self.words) == 1 else self


def _words_query(field: str, words: list[str], offsets: tuple[int, ...] | None = None) -> wq.Query:
    if len(words) == 1:
        return wq.Term(field, words[0])
    if field in POSITIONAL_FIELDS:
        return SpacedPhrase(field, words, offsets)
    # Fields without positions (speaker names): all the words, in any order.
    return wq.And([wq.Term(field, w) for w in words])


def _joined_compound(raw: str) -> str | None:
    """The term of a hyphenated word written solid ("e-mail" → the term of "email"), or
    None when ``raw`` is not one word of letters joined by hyphens."""
    if not any(h in raw for h in HYPHENS) or any(c.isspace() for c in raw) or not is_alpha_compound(raw):
        return None
    found = terms(re.sub(f"[{HYPHENS}]", "", raw))
    return found[0] if len(found) == 1 else None


#: Fields indexed with positions, where phrases are matched (see indexer.schema).
POSITIONAL_FIELDS = frozenset({DEFAULT_FIELD, "title"})


def compile_filter(name: str, value: str) -> wq.Query:
    """Return the Whoosh query for one filter (used by the query language and the UI)."""
    if name == "section":
        section = resolve_section(value)
        if section is None:
            raise QueryError(f"There is no section \"{value}\". Sections: {', '.join(SECTIONS)}.")
        return wq.Term("section", section)
    if name == "speaker":
        role = resolve_role(value)
        if role is None:
            raise QueryError(f"There is no speaker role \"{value}\". Roles: {', '.join(ROLES)}.")
        return wq.Term("speaker", role)
    if name == "committee":
        words = [t.text for t in ANALYZER(value, mode="query")]
        if not words:
            raise QueryError(f"Give a committee name after committee:, as in: {_example('committee')}")
        # Resolved against the index's committee names when the search runs.
        return CommitteeWords(tuple(words))
    if name == "item":
        return wq.Term("item_key", item_number_key(value))
    if name in ("date", "before", "after"):
        return date_filter(name, value)
    raise AssertionError(name)  # pragma: no cover


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of "2018", "2018-06" or "2018-06-21"."""
    m = _DATE_RE.match(text.strip())
    if not m:
        raise QueryError(
            f"\"{text}\" is not a date. Dates look like 2018, 2018-06 or 2018-06-21; "
            "ranges like date:2016..2018."
        )
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            first = dt.date(year, int(month), 1)
            nxt = dt.date(year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        d = dt.date(year, int(month), int(day))
        return d, d
    except ValueError as exc:
        raise QueryError(f"\"{text}\" is not a real date ({exc}).") from exc


def date_range_query(start: dt.date | None, end: dt.date | None) -> wq.Query:
    """Return a query for meeting dates from ``start`` to ``end`` inclusive (either may be open)."""
    if start and end and start > end:
        raise QueryError(f"The date range starts ({start}) after it ends ({end}).")
    return wq.NumericRange("date", date_key(start) if start else None, date_key(end) if end else None)


def date_filter(name: str, value: str) -> wq.Query:
    if name == "before":
        return date_range_query(None, parse_period(value)[0] - dt.timedelta(days=1))
    if name == "after":
        return date_range_query(parse_period(value)[1] + dt.timedelta(days=1), None)
    if ".." in value:
        lo_text, hi_text = value.split("..", 1)
        lo = parse_period(lo_text)[0] if lo_text.strip() else None
        hi = parse_period(hi_text)[1] if hi_text.strip() else None
        if lo is None and hi is None:
            raise QueryError("Give at least one end of the date range, as in: date:2016..2018")
        return date_range_query(lo, hi)
    first, last = parse_period(value)
    return date_range_query(first, last)


class CommitteeWords(wq.Query):
    """``committee:"…"``: passages of the committees whose name contains these words in order.

    A placeholder until :meth:`resolve` is given the index's committee names.
    """

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CommitteeWords) and other.words == self.words

    def __hash__(self) -> int:
        return hash(self.words)

    def __unicode__(self) -> str:
        return f'committee:"{" ".join(self.words)}"'

    __str__ = __unicode__

    def resolve(self, names: dict[str, tuple[str, ...]]) -> wq.Query:
        """Return a query for the committees (name → analysed name) that match."""
        n = len(self.words)
        keys = [key for key, terms in names.items()
                if any(terms[i : i + n] == self.words for i in range(len(terms) - n + 1))]
        if not keys:
            return wq.NullQuery
        return wq.Term("committee_key", keys[0]) if len(keys) == 1 else wq.Or([wq.Term("committee_key", k) for k in keys])

    def matcher(self, searcher, context=None):  # type: ignore[no-untyped-def]
        raise TypeError("CommitteeWords must be resolved before searching")


def resolve_committees(q: wq.Query, names: dict[str, tuple[str, ...]]) -> wq.Query:
    """Replace every ``committee:`` placeholder in ``q`` by a filter on matching committee names."""
    return q.accept(lambda node: node.resolve(names) if isinstance(node, CommitteeWords) else node)


def analysed_name(name: str) -> tuple[str, ...]:
    """Return a committee name as the analysed terms ``committee:`` words are matched against."""
    return tuple(t.text for t in ANALYZER(name, mode="query"))
