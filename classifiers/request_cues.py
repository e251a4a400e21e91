"""Is a mail a question or request at all? A thank-you or a report after the fact ("vielen Dank für
den Zuwendungsbescheid", "der Verwendungsnachweis ging letzte Woche raus, Fragen haben wir keine")
carries the words of a topic without asking anything: it gets no topic.

``acknowledgement_only(text)``: thanks or an after-the-fact report, and no question mark or request
phrase. Pure regular expressions on the classifier text (subject + new text)."""

from __future__ import annotations

import re

_ACKNOWLEDGEMENT = re.compile(
    r"\b(?:vielen dank|herzlichen dank|besten dank|danke(?:sch(?:ö|oe)n)?|wir bedanken uns|ich bedanke mich|"
    r"zur (?:info|information|kenntnis)|nur zur kenntnis|zu ihrer kenntnis|(?:ist|sind|wurde|wurden) "
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
    r"wir melden uns,? falls)",
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
