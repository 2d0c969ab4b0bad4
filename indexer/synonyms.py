"""Acronyms and their long forms as one concept of a query.

:class:`Synonyms` holds groups of spellings that name the same thing: acronyms ("IOPC",
"IPCC") and long forms ("Independent Office for Police Conduct"), from the curated
glossary (:mod:`indexer.glossary`) and from definitions mined in the archive
(:mod:`indexer.acronyms`, stored with the index). The query compiler asks it two things:

- :meth:`Synonyms.for_acronym`: a typed word that is an acronym also searches its group's
  other acronyms and long forms, all as one concept scored as one term (as Lucene's
  ``SynonymQuery`` and Xapian's ``OP_SYNONYM`` do).
- :meth:`Synonyms.long_form_at`: typed words that spell out a long form also search the
  group's acronyms; each typed word stays a concept of its own, and an acronym in a
  passage counts for all of them.
- :meth:`Synonyms.related_at`: typed words that spell out a related term of the field's
  thesaurus (glossary.RELATED) also search the other terms of its line, in the same way
  but at a reduced weight (the query compiler applies glossary.RELATED_WEIGHT).

Everything is compared as analysed terms (the index's own analyzer), so plurals,
possessives and capitals do not matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .analysis import ANALYZER, normalise_word, recording_stems
from .glossary import ALSO_SEARCH, AMBIGUOUS, EVERYDAY, GLOSSARY, GROUPS, NARROWER, RELATED, WORD_SYNONYMS

#: Long forms mined from the archive kept per acronym, most often defined first.
MINED_PER_ACRONYM = 3


@dataclass(frozen=True, slots=True)
class Form:
    """One spelling of a concept: analysed terms at positions relative to the first (a
    stop word leaves a gap, as in the index), and the text it came from."""

    text: str
    terms: tuple[str, ...]
    offsets: tuple[int, ...]

    @property
    def is_phrase(self) -> bool:
        return len(self.terms) > 1


@dataclass(frozen=True, slots=True)
class Group:
    """Spellings of one thing: its acronyms and its long forms."""

    acronyms: tuple[Form, ...]
    long_forms: tuple[Form, ...]
    #: analysed acronyms that are also everyday words (see glossary.AMBIGUOUS)
    ambiguous: frozenset[str] = frozenset()

    def forms(self) -> tuple[Form, ...]:
        return self.acronyms + self.long_forms


def analyse(text: str) -> Form:
    """Return ``text`` as a :class:`Form` (empty terms if it has no searchable word)."""
    tokens = [(t.text, t.pos) for t in ANALYZER(text, positions=True, mode="query")]
    if not tokens:
        return Form(text, (), ())
    first = tokens[0][1]
    return Form(text, tuple(w for w, _ in tokens), tuple(p - first for _, p in tokens))


def variants(form: Form) -> list[Form]:
    """A long form as written, and without the gaps its small words leave ("Police & Crime
    Commissioner" has none: "&" is no word)."""
    out = [form]
    if form.offsets != tuple(range(len(form.terms))):
        out.append(Form(form.text, form.terms, tuple(range(len(form.terms)))))
    return out


class Synonyms:
    """Groups of acronyms and long forms, looked up by analysed terms."""

    def __init__(
        self,
        pairs: Iterable[tuple[str, str]],
        groups: Sequence[Sequence[str]] = (),
        ambiguous: frozenset[str] = frozenset(),
        narrower: Sequence[tuple[str, str]] = (),
        words: Sequence[Sequence[str]] = (),
        also: Mapping[str, Sequence[str]] | None = None,
        related: Sequence[Sequence[str]] = (),
    ) -> None:
        """``pairs`` are (acronym, long form); acronyms in one of ``groups`` name the same
        thing; ``ambiguous`` acronyms are everyday words too; in each of ``narrower``'s
        (broad, narrow) acronyms, a search for the broad one's group also finds the
        narrow one's, not the reverse; each of ``words`` is a group of single words with
        one meaning; ``also`` maps a typed word to words it also searches (one way); each of
        ``related`` is a line of related terms (words or phrases), each searching the others."""
        #: analysed terms of a related term → the other terms of its lines
        self._related: dict[tuple[str, ...], tuple[Form, ...]] = {}
        for line in related:
            forms = [f for f in map(analyse, line) if f.terms]
            for f in forms:
                known = {o.terms: o for o in self._related.get(f.terms, ())}
                for o in forms:
                    if o.terms != f.terms:
                        known.setdefault(o.terms, o)
                self._related[f.terms] = tuple(known.values())
        self.related_longest = max((len(k) for k in self._related), default=0)
        #: typed word (normalised) → the other words of its group (as written, analysed)
        self._words: dict[str, tuple[tuple[str, str], ...]] = {}
        for word_group in words:
            forms = [(w, t) for w in word_group for t in analyse(w).terms[:1]]
            for w, term in forms:
                others = {t: v for v, t in reversed(forms) if t != term}  # one word per term
                self._words[normalise_word(w)] = tuple((v, t) for t, v in reversed(others.items()))
        for typed, extra in (also or {}).items():
            own = analyse(typed).terms[:1]
            self._words[normalise_word(typed)] = tuple((w, t) for w in extra for t in analyse(w).terms[:1]
                                                       if (t,) != own)
        # Union-find over spellings, keyed by their analysed terms.
        parent: dict[tuple[str, ...], tuple[str, ...]] = {}

        def find(k: tuple[str, ...]) -> tuple[str, ...]:
            parent.setdefault(k, k)
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        def union(a: tuple[str, ...], b: tuple[str, ...]) -> None:
            parent[find(a)] = find(b)

        acronym_forms: dict[tuple[str, ...], Form] = {}
        long_forms: dict[tuple[str, ...], Form] = {}
        ambiguous_terms: set[str] = set()
        for acronym, long in pairs:
            a, lf = analyse(acronym), analyse(long)
            if len(a.terms) != 1 or len(lf.terms) < 2:
                continue
            acronym_forms.setdefault(a.terms, a)
            long_forms.setdefault(lf.terms, lf)
            union(a.terms, lf.terms)
            if acronym in ambiguous:
                ambiguous_terms.add(a.terms[0])
        for group in groups:
            keys = [analyse(a).terms for a in group]
            for k in keys[1:]:
                if k in acronym_forms and keys[0] in acronym_forms:
                    union(k, keys[0])
        members: dict[tuple[str, ...], tuple[list[Form], list[Form]]] = {}
        for k, form in acronym_forms.items():
            members.setdefault(find(k), ([], []))[0].append(form)
        for k, form in long_forms.items():
            members.setdefault(find(k), ([], []))[1].append(form)
        self._by_acronym: dict[str, Group] = {}
        self._by_long: dict[tuple[str, ...], Group] = {}
        for acronyms, longs in members.values():
            group = Group(tuple(acronyms), tuple(longs),
                          frozenset(a.terms[0] for a in acronyms) & frozenset(ambiguous_terms))
            for a in acronyms:
                self._by_acronym[a.terms[0]] = group
            for lf in longs:
                self._by_long[lf.terms] = group
        for broad, narrow in narrower:
            b, n = self._by_acronym.get(analyse(broad).terms[0]), self._by_acronym.get(analyse(narrow).terms[0])
            if b is None or n is None or b is n:
                continue
            wider = Group(b.acronyms + n.acronyms, b.long_forms + n.long_forms, b.ambiguous | n.ambiguous)
            for table in (self._by_acronym, self._by_long):
                for k, g in list(table.items()):
                    if g is b:
                        table[k] = wider  # type: ignore[index]
        self.longest = max((len(k) for k in self._by_long), default=0)

    def for_acronym(self, raw: str) -> Group | None:
        """The group of a typed word that is an acronym (an ambiguous one only when typed
        in capitals, as "SEND"), or None."""
        form = analyse(raw)
        if len(form.terms) != 1:
            return None
        group = self._by_acronym.get(form.terms[0])
        if group is None or (form.terms[0] in group.ambiguous and not raw.isupper()):
            return None
        return group

    def for_word(self, raw: str) -> tuple[tuple[str, str], ...]:
        """The other words (as written, analysed) of a typed word's group, if any."""
        return self._words.get(normalise_word(raw), ())

    def long_form_at(self, terms: Sequence[str], start: int) -> tuple[int, Group] | None:
        """The longest long form that ``terms[start:]`` begins with: (its length, group)."""
        for n in range(min(self.longest, len(terms) - start), 1, -1):
            group = self._by_long.get(tuple(terms[start:start + n]))
            if group is not None:
                return n, group
        return None

    def related_at(self, terms: Sequence[str], start: int) -> tuple[int, tuple[Form, ...]] | None:
        """The longest related term that ``terms[start:]`` begins with: (its length, the
        other terms of its lines)."""
        for n in range(min(self.related_longest, len(terms) - start), 0, -1):
            found = self._related.get(tuple(terms[start:start + n]))
            if found:
                return n, found
        return None

    def __len__(self) -> int:
        return len(self._by_acronym)


def curated_pairs() -> list[tuple[str, str]]:
    """The glossary as (acronym, long form) pairs."""
    return [(a, lf) for table in (GLOSSARY, EVERYDAY) for a, forms in table.items() for lf in forms]


def build_synonyms(mined: Mapping[tuple[str, str], int] | None = None) -> Synonyms:
    """The glossary plus pairs mined from an archive ((acronym, long form) → times defined).

    A mined acronym the glossary already has is left to the glossary (a mined pair there is
    more likely a local, other meaning); others keep their most often defined long forms.
    """
    pairs = curated_pairs()
    curated = {analyse(a).terms for a in (*GLOSSARY, *EVERYDAY)}
    by_acronym: dict[tuple[str, ...], list[tuple[int, str, str]]] = {}
    for (acronym, long), count in (mined or {}).items():
        key = analyse(acronym).terms
        if key and key not in curated:
            by_acronym.setdefault(key, []).append((-count, acronym, long))
    for found in by_acronym.values():
        pairs.extend((a, lf) for _, a, lf in sorted(found)[:MINED_PER_ACRONYM])
    return Synonyms(pairs, GROUPS, AMBIGUOUS, NARROWER, WORD_SYNONYMS, ALSO_SEARCH, RELATED)


def glossary_stems() -> dict[str, str]:
    """Every word of the glossary with its stem, for an index's stem table: a search
    process then analyses the glossary without loading NLTK (see indexer.analysis)."""
    with recording_stems() as stems:
        for acronym, long in curated_pairs():
            analyse(acronym)
            analyse(long)
        for word in (w for group in WORD_SYNONYMS for w in group):
            analyse(word)
        for typed, extra in ALSO_SEARCH.items():
            for word in (typed, *extra):
                analyse(word)
        for term in (t for line in RELATED for t in line):
            analyse(term)
    return dict(stems)
