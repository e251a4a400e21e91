"""Is a mail a question or request at all? A thank-you or a report after the fact ("vielen Dank für
den Zuwendungsbescheid", "der Verwendungsnachweis ging letzte Woche raus, Fragen haben wir keine")
carries the words of a topic without asking anything: it gets no topic.

``acknowledgement_only(text)``: thanks or an after-the-fact report, and no question mark or request
phrase. Pure regular expressions on the classifier text (subject + new text)."""

from __future__ import annotations

import re

_ACKNOWLEDGEMENT = re.compile(
    r"\b(?:vielen dank|herzlichen dank|besten dank|danke(?:sch(?:ö|oe)n)?|wir bedanken uns|ich bedanke mich|"
    r"zur (?:info|information|kenntnis)|nur zur kenntnis|zu ihrer kenntnis|hiermit (?:teilen|zeigen) (?:wir|ich) "
    r"(?:ihnen )?(?:mit|an)|(?:ist|sind|wurde|wurden) "
    r"(?:erfolgreich |vollständig |vollstaendig )?(?:abgeschlossen|eingegangen|angekommen|abgerufen|erledigt))\b",
    re.IGNORECASE,
)
# "Vielen Dank im Voraus", "Danke schon mal": the closing of a request, not thanks for something done.
_IN_ADVANCE = re.compile(
    r"(?:vielen |besten |herzlichen )?dank(?:e)?,? (?:s\w{0,3}on ?mal|vorab|im voraus|fürs lesen|"
    r"f(?:ü|ue)r ihre (?:m(?:ü|ue)he|unterst(?:ü|ue)tzung|hilfe|r(?:ü|ue)ckmeldung|antwort)"
    r"(?! (?:beim|bei der|bei den|zum|zur|mit|in)\b))",
    re.IGNORECASE,
)
# "Fragen haben wir keine", "Rückfragen sind nicht nötig": no request, although the word stands there.
_NO_QUESTIONS = re.compile(
    r"(?:fragen haben wir keine|keine (?:weiteren )?(?:rück)?fragen|rückfragen sind nicht (?:nötig|erforderlich)|"
    r"für rückfragen stehe(?:n)? (?:ich|wir) (?:gern |gerne )?zur verfügung|falls (?:noch )?fragen aufkommen|"
    r"wir melden uns,? falls|(?:eine )?r(?:ü|ue)ckmeldung (?:ihrerseits |von ihnen )?ist nicht (?:nötig|erforderlich))",
    re.IGNORECASE,
)
_REQUEST = re.compile(
    r"\?|\b(?:bitte|bitten|können sie|könnten sie|koennen sie|koennten sie|würden sie|wuerden sie|wir bräuchten|"
    r"wir braeuchten|wir benötigen|wir benoetigen|ich benötige|(?:möchten|moechten|würden|wuerden) (?:gern |gerne )?"
    r"(?:wissen|erfahren|fragen|beantragen|klären|klaeren)|wüssten gern|wir fragen|ich frage|meine frage|unsere frage|"
    r"frage(?:n)? (?:zu|zum|zur|an|ob|wegen)|anfrage|rückmeldung würde|gibt es|wie (?:gehen|können|sollen|müssen)|"
    r"was (?:müssen|sollen|können)|brauchen wir|müssen wir|dürfen wir|ist das|sind wir|hätten (?:wir|ich) gerne?|"
    r"haetten (?:wir|ich) gerne?|verwiesen|wir (?:wollen|möchten|moechten|planen)|br(?:ä|ae|a)uchten|brauchen|"
    r"benötigen|benoetigen|r(?:ü|ue)ckfrage|beratungstermin|es geht um|betrifft|bezüglich|bzgl|fragt)\b",
    re.IGNORECASE,
)


def acknowledgement_only(text: str) -> bool:
    """Thanks or a report after the fact, without any question or request."""
    text = _IN_ADVANCE.sub(" ", text)
    if not _ACKNOWLEDGEMENT.search(text):
        return False
    return not _REQUEST.search(_NO_QUESTIONS.sub(" ", text))


# A funding question: a sentence with a question mark (or "ob …") and a funding word.
_FUNDING = re.compile(
    r"(?:gef(?:ö|oe)rdert|f(?:ö|oe)rder(?:ung|fähig|faehig|mittel|antrag|programm|satz|quote|möglichkeit|moeglichkeit|"
    r"geld|topf|töpfe)\w*|"
    r"\bf(?:ö|oe)rdert\b|\bzusch(?:uss|üsse|uesse)\b|bezuschusst|\bzuwendung\w*|"
    r"\bfinanziell unterst(?:ü|ue)tzt\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
_FUNDING_STEMS = ("förder", "foerder", "zuschu", "zuwendung", "bezuschusst", "finanziell")


def funding_question(text: str) -> bool:
    """Does the mail ask whether something is funded ("Ist das förderfähig?", "Gibt es dafür einen
    Zuschuss?", "… möchten wir wissen, ob … gefördert werden kann")? Thanks and reports do not."""
    lowered = text.lower()
    if not any(stem in lowered for stem in _FUNDING_STEMS) or acknowledgement_only(text):
        return False
    return any(
        ("?" in sentence or " ob " in f" {sentence.lower()}") and _FUNDING.search(sentence)
        for sentence in _SENTENCE_END.split(text)
    )


# Adverts and invitations that ask nothing of the ministry: a webinar, a demo, a product.
_INVITATION = re.compile(
    r"\b(?:wir laden sie (?:\w+ )?(?:herzlich )?(?:zu|ein)|laden sie herzlich|einladung zu[mr]?\b|"
    r"anmeldung (?:unter|bis|online))",
    re.IGNORECASE,
)
# Sales calls to action: their questions are rhetorical ("Ihr Rathaus ist verschlüsselt – was nun?").
_ADVERT = re.compile(
    r"\b(?:jetzt (?:\w+ ){0,2}(?:vereinbaren|anmelden|buchen|bestellen|sichern|testen|anfordern)|demo-?termin|"
    r"kostenlose[ns]? (?:demo|test)|trainieren sie|testen sie (?:jetzt|uns)|unverbindlich(?:es|en)? angebot)\b",
    re.IGNORECASE,
)


_ADVERT_STEMS = ("jetzt", "demo", "kostenlos", "trainieren", "testen", "unverbindlich")
_INVITATION_STEMS = ("lade", "einladung", "anmeldung")


def is_advert(text: str) -> bool:
    """A sales call to action: no incident is told, however alarming the words."""
    lowered = text.lower()
    return any(stem in lowered for stem in _ADVERT_STEMS) and bool(_ADVERT.search(text))


def announcement_only(text: str) -> bool:
    """An advert, or an invitation without a question: no topic, however topical its words."""
    if is_advert(text):
        return True
    lowered = text.lower()
    return "?" not in text and any(stem in lowered for stem in _INVITATION_STEMS) and bool(_INVITATION.search(text))


# "ganz anderes Thema", "noch eine andere Frage": the new text leaves the thread's matter.
_NEW_MATTER = re.compile(
    r"\b(?:(?:ganz |noch )?(?:ein |eine )?(?:anderes|neues) thema|"
    r"(?:ganz |noch )?(?:eine )?(?:ganz )?andere (?:frage|sache)|"
    r"themenwechsel|mal was anderes|etwas anderes)\b",
    re.IGNORECASE,
)
_REPLY_SUBJECT = re.compile(r"^\s*(?:(?:re|aw|antw|wg|fw|fwd)\s*:\s*)+", re.IGNORECASE)


def new_subject_matter(subject: str, new_text: str) -> bool:
    """A reply whose new text says it turns to another matter: the subject belongs to the old one."""
    return bool(_REPLY_SUBJECT.match(subject)) and bool(_NEW_MATTER.search(new_text))


def new_matter_text(new_text: str) -> str:
    """The text from "ganz anderes Thema" on (thanks for the old matter before it are left out)."""
    match = _NEW_MATTER.search(new_text)
    return new_text[match.start() :] if match else new_text


# A forward that only points at the forwarded mail: short, refers to "das", "die Frage", "helfen".
_POINTER = re.compile(
    r"\b(?:was (?:heißt|heisst|bedeutet|sagen sie zu) (?:das|dies)|(?:bei|mit) der (?:beantwortung|antwort)|"
    r"helfen|siehe unten|s\. unten|(?:die|diese) (?:frage|anfrage|nachricht|mail)|leite(?:n)? (?:ich |wir )?"
    r"(?:ihnen )?(?:\w+ ){0,4}weiter|weitergeleitet|passiert gerade|das passiert|m(?:ü|ue)ssen wir da\b|"
    r"was (?:sollen|müssen|muessen) wir (?:da|jetzt|nun)|"
    r"bitte (?:um )?(?:prüfung|pruefung|einschätzung|einschaetzung))",
    re.IGNORECASE,
)
MAX_POINTER_TEXT = 400


def refers_to_forwarded(new_text: str, original_text: str) -> bool:
    """A forward whose own text is short and only points at the forwarded mail."""
    new = new_text.strip()
    return bool(original_text.strip()) and len(new) <= MAX_POINTER_TEXT and bool(_POINTER.search(new))
