"""Russian analyzer: natasha (razdel segmentation, slovnet morphology and NER, span
normalisation to the nominative)."""
from __future__ import annotations

from functools import cached_property

from . import Analysis, Sentence, Span, Token
from .ru_morph import morph_vocab, word_keys


class RussianAnalyzer:
    lang = "ru"

    @cached_property
    def _models(self):
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        emb = NewsEmbedding()
        return Segmenter(), NewsMorphTagger(emb), NewsNERTagger(emb)

    def analyze(self, text: str) -> Analysis:
        from natasha import Doc

        segmenter, morph_tagger, ner_tagger = self._models
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger)
        doc.tag_ner(ner_tagger)
        vocab = morph_vocab()
        sentences: list[Sentence] = []
        for sent in doc.sents:
            # razdel may join a headline line with the next paragraph: split at line breaks
            groups: list[list] = [[]]
            for i, tok in enumerate(sent.tokens):
                if groups[-1] and "\n" in text[sent.tokens[i - 1].stop:tok.start]:
                    groups.append([])
                groups[-1].append(tok)
            for toks in groups:
                if not toks:
                    continue
                s = Sentence(start=toks[0].start, stop=toks[-1].stop, text=text[toks[0].start:toks[-1].stop])
                s.tokens = [Token(t.text, t.start, t.stop, word_keys(t.text), t.pos, (t.feats or {}).get("Case"))
                            for t in toks]
                sentences.append(s)
        # NER spans, attached to the sentence holding them
        starts = [s.start for s in sentences]
        import bisect

        for span in doc.spans:
            k = bisect.bisect_right(starts, span.start) - 1
            if k < 0:
                continue
            s = sentences[k]
            idx = [i for i, t in enumerate(s.tokens) if t.start >= span.start and t.stop <= span.stop]
            if not idx:
                continue
            span.normalize(vocab)
            s.spans.append(Span(span.type, idx[0], idx[-1] + 1, span.text, span.normal or span.text))
        return Analysis("ru", text, sentences)
