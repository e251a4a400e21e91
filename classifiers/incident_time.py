"""When does the incident a mail describes happen? Time, aspect and negation decide urgency, not
the incident vocabulary: "letzte Woche verschlüsselt, inzwischen wiederhergestellt", "niemand hat
geklickt", "was tun, wenn …" and a workshop invitation use the same words as "seit 8 Uhr ist alles
verschlüsselt".

``read_incident_time(text)`` finds cue phrases of four kinds (all folded: lower case, umlauts
spelled both ways, so typed-in-panic text without umlauts or punctuation matches too):

- ``settled``: the incident is over, was contained or did not happen (past time words, restored,
  blocked by the scanner, nobody clicked, negated incident verbs, after-the-fact reports);
- ``hypothetical``: a preventive question, an exercise, a training or a warning ("wenn", "falls",
  "Notfallplan", "Workshop", "Simulation", "Warnung");
- ``ongoing``: it is happening now ("seit heute", "läuft noch", "gerade", "immer noch", "Hilfe",
  "was sollen wir jetzt tun");
- ``attack_now``: an incident told as present without incident jargon — an attack on availability
  (portal or mail unreachable after an attack, DDoS), an account sending spam, locked out.

Pure regular expressions; the topic model combines them with its own urgent score."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "Ä": "a", "Ö": "o", "Ü": "u"})


def _fold(text: str) -> str:
    lowered = text.lower().translate(_FOLD)
    return lowered.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _rx(*parts: str) -> re.Pattern[str]:
    # the patterns are folded like the text ("aktuell" -> "aktull"), so both meet
    return re.compile("|".join(f"(?:{_fold(p)})" for p in parts))


# Settled: past, contained, not happened. Strong cues override weak "now" words such as "heute".
_SETTLED_STRONG = _rx(
    r"\b(?:wieder ?hergestellt|wiederherstellung (?:war|ist) (?:erfolgreich|abgeschlossen)|neu aufgesetzt|"
    r"vollstandig (?:bereinigt|aufgearbeitet|behoben)|aufgearbeitet|abgeschlossen(?:e[rn]?)? (?:ist|wurde|worden)|"
    r"(?:ist|wurde|sind|wurden|war|waren) (?:rechtzeitig |sofort |umgehend |zum gluck )?"
    r"(?:blockiert|abgefangen|geblockt|gestoppt|isoliert|entfernt|bereinigt|behoben|erkannt und geloscht|"
    r"in quarantane|geloscht)|"
    r"(?:blockiert|abgefangen|gesperrt|geblockt)(?:,| und) (?:es )?(?:wurde|ist|hat) (?:nichts|niemand|keine?)|"
    r"nichts (?:ausgefuhrt|geoffnet|angeklickt)|\b(?:abgefangen|abgewehrt|geblockt|erledigt)\b|"
    r"(?:es )?(?:ist|sind|wurden?) (?:also |zum gluck |glucklicherweise )?(?:keine?|nichts) (?:daten |schaden )?"
    r"(?:abgeflossen|passiert|entstanden|betroffen|verschlusselt)|"
    r"\bnach (?:dem|der|einem|einer|den) [\w-]*(?:angriff|attacke|vorfall|befall)\w*\b[^.?!]{0,80}\b"
    r"(?:mochten|wollen|planen|wurden gern) wir\b|"
    r"seitdem (?:ist )?(?:ruhe|lauft alles|keine)|handlungsbedarf besteht (?:aus unserer sicht )?(?:nicht|kein)|"
    r"kein(?:en)? handlungsbedarf|der vollstandigkeit halber|nachbetrachtung|nachtraglich|"
    r"(?:ist|sind) (?:wieder|inzwischen) (?:erreichbar|online|in betrieb|sauber|verfugbar)|"
    r"lauft (?:inzwischen |jetzt )?(?:alles )?wieder|passiert ist (?:bisher |zum gluck )?nichts|"
    r"(?:zur|nur zur|zu ihrer) (?:info|information|kenntnis)\b(?!.{0,40}(?:hilfe|dringend))|"
    r"bereits (?:gemeldet|erledigt|behoben|gesperrt)|(?:alles|ist|wurde) erledigt|"
    r"(?:nach|seit) dem (?:hacker|cyber)?(?:angriff|vorfall|sicherheitsvorfall)\b[^.?!\n]{0,60}"
    r"(?:im (?:fruhjahr|sommer|herbst|winter|januar|februar|marz|april|mai|juni|juli|august|september|oktober|"
    r"november|dezember)|letzte[nms]? |vergangene[nms]? |vor (?:einem|zwei|drei|\d+)|aufgearbeitet|abgeschlossen)"
    r"\b)"
)
_SETTLED_WEAK = _rx(
    r"\b(?:letzte|letzten|letztes|vergangene|vergangenen|vergangenes|vorige|vorigen|voriges) "
    r"(?:woche|monat|jahr|jahres|wochenende|sommer|winter|fruhjahr|herbst|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|quartal)",
    r"\bvor (?:einem|einer|zwei|drei|vier|einigen|ein paar|\d+) (?:halben |knappen |guten )?"
    r"(?:woche|wochen|monat|monaten|jahr|jahren|tag|tagen)\b",
    r"\b(?:im|in|anfang|mitte|ende) (?:fruhjahr|sommer|herbst|winter|vorjahr|januar|februar|marz|april|mai|juni|juli|"
    r"august|september|oktober|november|dezember)\b",
    r"\bdamals\b|\binzwischen\b|\bmittlerweile\b|\bim nachhinein\b|\bhatten wir (?:schon|bereits|mal|einen)\b",
    r"\b(?:gesperrt|zuruckgesetzt|geandert) und\b|\bpasswort (?:wurde|ist) (?:sofort |umgehend )?geandert\b",
)
_HYPOTHETICAL = _rx(
    r"\b(?:was (?:tun|mussen|muss|musste|mussten|sollten|sollen|konnen) (?:wir |man )?(?:eigentlich |denn )?"
    r"(?:tun |machen |unternehmen )?,? ?(?:wenn|falls|im falle|fur den fall))",
    r"\b(?:wenn|falls|sollte(?:n)?) (?:unsere?|die|der|das|ein|eine|einer|wir|man|mal|es|jemand|alles)\b[^.?!\n]{0,80}"
    r"(?:wurde|wurden|ware|waren|werden|wird|sollte|sollten|ist|sind)\b",
    r"(?:ddos|ransomware|phishing|trojaner|cyber|hacker|angriffs?)[- ]?(?:schutz|abwehr|vorsorge|pravention|"
    r"versicherung|ubung|schulung|simulation|workshop|test|sicherheit)|\bschutz (?:vor|gegen)\b|"
    r"\bfur den (?:fall|ernstfall)\b|\bim (?:ernstfall|notfall) (?:wissen|vorbereitet)|\bvorbeugend\b|\bpraventiv\b|"
    r"\bdamit (?:das|so etwas|uns das) (?:nicht|nie)\b",
    r"\b(?:angreifer|kriminelle|hacker|tater) (?:konnen|konnten|versuchen|nutzen)\b|\bbrauchten wir\b|"
    r"\bbereiten (?:wir|sie) (?:uns|sich) (?:auf|gegen)\b|\bwie (?:schutzen|wappnen|rusten) wir uns\b|"
    r"\bgrundsatzlich\b|\bkann man\b[^.?!\n]{0,80}\?|"
    r"\b(?:schutz|schutzen|absichern|wappnen|vorbereiten|vorbereitet) (?:vor|gegen)\b|\bgegen (?:\w+ )?(?:ransomware|"
    r"verschlusselungstrojaner|trojaner|hacker|cyberangriff|angriff|phishing)",
    r"\b(?:einladung|wir laden|laden sie|workshop|seminar|webinar|simulation|simuliert|ubung|uben|schulungstermin)\w*",
    r"\b(?:jetzt anmelden|anmeldung (?:online|unter|bis)|trainieren sie|testen sie|buchen sie)\b|"
    r"\bjetzt (?:\w+ ){0,2}(?:buchen|bestellen|sichern|testen|anfordern)\b|\brabatt\b|\bnie wieder\b|"
    r"\bund dann\s?\?|\bunser (?:notfall|sicherheits|schutz)[\w-]*paket\b|"
    r"\bihr(?:e|en)? (?:rathaus|server|verwaltung|daten|netz|netzwerk|systeme?|dateien|postfach|homepage) "
    r"(?:ist|sind|wird|werden|wurde|wurden)\b",
    r"\b(?:warnt|warnung|warnmeldung|sicherheitshinweis|cert-?meldung|"
    r"supportende|support endet|end of life|nicht mehr unterstutzt)\w*",
)
# Trainings, exercises and adverts: they also settle the incident sentence before them.
_TRAINING = _rx(
    r"\b(?:einladung|workshop|seminar|webinar|simulation|notfallubung|jetzt anmelden|trainieren sie|rabatt)\w*|"
    r"\bjetzt (?:\w+ ){0,2}(?:buchen|bestellen|sichern|testen|anfordern)\b"
)
# Words that make a sentence one about an incident: only there do time cues count.
_INCIDENT = _rx(
    r"verschlussel|gehackt|hacker|angriff|angegriffen|attacke|kompromittiert|abgeflossen|abfluss|datenleck|"
    r"ransomware|trojaner|schadsoftware|virus|viren|malware|emotet|phishing|spam|losegeld|bitcoin|erpress|ddos|"
    r"uberlast|lahmgelegt|befall|infiziert|geklickt|eingegeben|anmeldungen aus|fremde anmeldung|zugriff von aussen|"
    r"von aussen|unbekannte|nicht (?:mehr )?erreichbar|ausgefallen|sicherheitsvorfall|vorfall|ubernommen|"
    r"ausgespaht|abgegriffen|gestohlen|entwendet"
)
# Incident words that make a sentence tell an incident (not merely name a threat or a safeguard).
_INCIDENT_STRONG = _rx(
    r"verschlussel(?:t|n)|verschlusselungs?trojaner|gehackt|kompromittiert|abgeflossen|datenabfluss|datenleck|"
    r"befallen|lahmgelegt|losegeld|bitcoin|erpress|ddos|uberlastungsangriff|angegriffen|angriff auf|"
    r"zugriff von aussen|anmeldungen aus dem ausland|fremde anmeldungen|geklickt|eingegeben|opfer eines|infiziert|"
    r"ausgespaht|abgegriffen|steht still|emotet|trojaner|ransomware|schadsoftware|von unbekannten|unbefugt|"
    r"preisgegeben|fremde logins|sperrmeldungen|verschlusselungsangriff|hackerangriff|cyberangriff|verunstaltet|"
    r"bekennerschreiben|hackergruppe|"
    r"fremde (?:rechner|zugriffe|personen)"
)
# Cheap first look: without any of these stems (and without a "now" cue) no incident is told.
_PREFILTER = _rx(
    r"verschlussel|hack|angriff|angegriff|attack|kompromitt|abgeflossen|abfluss|datenleck|ransom|trojaner|"
    r"schadsoftware|virus|viren|malware|emotet|phish|spam|losegeld|bitcoin|erpress|ddos|uberlast|lahmgelegt|befall|"
    r"infiziert|geklickt|eingegeben|anmeldung|zugriff|unbekannt|unbefugt|erreichbar|ausgefallen|vorfall|ubernommen|"
    r"ausgespaht|abgegriffen|gestohlen|entwendet|steht still|fremde|opfer|meldung|bildschirm|offline|down|von unserem|"
    r"aus unserem"
)
# Sentences end at . ! ? or a blank line; hard-wrapped lines belong to one sentence.
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n[ \t]*\n")
_ONGOING = _rx(
    r"\bseit (?:heute|gestern|heute fruh|heute morgen|heute nacht|gestern abend|heute vormittag|heute mittag|"
    r"einer stunde|einer halben stunde|ner stunde|stunden|minuten|"
    r"(?:ca\.? |etwa |circa |gegen )?\d{1,2}(?::\d\d)? ?uhr|"
    r"dem morgen|"
    r"vorhin|kurzem|eben|dem vormittag|dem morgen|dem nachmittag|dem mittag|dem abend)\b",
    r"\b(?:angriff|attacke|verschlusselung|es|das|der angriff) (?:lauft|geht) (?:noch|gerade|immer noch|weiter)\b|"
    r"\blauft (?:gerade|noch|derzeit|aktuell) (?:ein|eine|der|die) \w*(?:angriff|attacke|verschlusselung)|"
    r"\bimmer noch\b|\bnoch immer\b|\bweiterhin\b|\bjetzt (?:kommen|gehen|sind|laufen|werden)\b|"
    r"\bseitdem (?:ist|sind|geht|gehen|lauft|laufen|kommen|offnen|erscheinen|zeigt|zeigen)\b"
    r"(?! (?:ruhe|alles (?:wieder|ok|gut|in ordnung)|wieder|nichts))|"
    r"\bgerade (?:eben )?(?:eben |jetzt )?(?:auf|ein|kommen|kam|wurden?|sind|ist|haben|hat|lauft|verschickt|"
    r"versendet|sehen|bemerkt|festgestellt|geklickt|eingegeben)|"
    r"\b(?:eben|soeben|vorhin|gerade) (?:festgestellt|bemerkt|gesehen|entdeckt)|\bpassiert (?:gerade|jetzt|eben)\b",
    r"(?<![-\w])(?:hilfe|help|sos|notfall)\b(?![- ]?(?:stellung|plan|konzept|ubung|handbuch|nummer))",
    r"\bwas (?:sollen|mussen|konnen|machen|tun) wir (?:jetzt|nun)\b|\bwas (?:muss|soll) ich (?:jetzt |nun )?"
    r"(?:machen|tun)\b|\bwer kann (?:uns |mir )?(?:jetzt |sofort |schnell )?helfen\b",
    r"\b(?:derzeit|aktuell|momentan|zurzeit|im moment) (?:nicht|kein|keine|sind|ist|lauft|werden|wird)\b",
    r"\bnoch nicht (?:eingedammt|gestoppt|unter kontrolle|behoben|beendet|vorbei)\b|\bwas (?:jetzt|nun)\s?\?|"
    r"\bnicht (?:mehr )?arbeitsfahig\b|\b(?:keiner|niemand) kann (?:mehr )?arbeiten\b|"
    r"\bgeht (?:gar )?nichts mehr\b|\bsteht still\b|"
    r"\bkommen? (?:nicht mehr|nciht mehr|nicht) (?:rein|ran|drauf)\b",
    r"\bbitte (?:um )?(?:dringend|sofort|schnell|umgehend)\w* (?:hilfe|unterstutzung|beratung|ruckruf|anrufen|melden)|"
    r"\bdringend (?:um )?(?:hilfe|unterstutzung)\b|\bschnelle hilfe\b|\bbitte (?:ruft|rufen sie) (?:an|zuruck)\b",
)
# Present incidents without jargon: availability attacks, an account sending spam, locked out.
_ATTACK_NOW = _rx(
    r"\b(?:nach|wegen|durch|seit) (?:einem|einen|dem|den) (?:hacker|cyber|it-|ddos-|ddos|uberlastungs)?"
    r"(?:angriff|attacke)\w*"
    r"[^.?!\n]{0,80}(?:nicht (?:mehr )?erreichbar|ausgefallen|lahmgelegt|offline|down)",
    r"(?:nicht (?:mehr )?erreichbar|ausgefallen|lahmgelegt|offline)[^.?!\n]{0,80}\b(?:angriff|attacke|angegriffen)",
    r"\b(?:verschickt|versendet|verschicken|versenden|sendet|schickt)\b[^.?!\n]{0,60}\bspam|\bspam\w*[^.?!\n]{0,60}"
    r"\b(?:von unserem|von meinem|uber unser|aus unserem) (?:konto|postfach|account|mailkonto|server)",
    r"\b(?:eben|soeben|gerade|vorhin)\b[^.?!\n]{0,50}\b(?:geklickt|geoffnet|eingegeben|ausgefuhrt)\b",
    r"\b(?:von|aus) unserem (?:[\w-]*postfach|konto|account|mailserver|server)\b[^.?!\n]{0,60}"
    r"\b(?:gehen|werden verschickt|werden versendet|verschickt|versendet)\b[^.?!\n]{0,40}\b(?:mails?|nachrichten)",
    r"\bmails? (?:zuruck|raus)[^.?!\n]{0,40}\b(?:nicht (?:geschickt|verschickt|gesendet))",
    r"\b(?:meldung|hinweis|bildschirm)[^.?!\n]{0,60}\b(?:verschlusselt|losegeld|bitcoin)",
    r"\b(?:homepage|startseite|webseite|website|internetseite|internetauftritt)\b[^.?!\n]{0,80}"
    r"\b(?:verunstaltet|bekennerschreiben|hackergruppe)",
)
# "verschlüsselt" in the safeguard sense: data sent or stored encrypted, a question whether a form
# must be encrypted — no incident.
_SAFEGUARD = _rx(
    r"\bverschlusselt(?:e|en)? (?:ubertragen|ubermittelt|ubermitteln|versendet|versenden|verschickt|verschicken|"
    r"senden|gesendet|gespeichert|speichern|abgelegt|ablegen|angeboten|anbieten)\b|"
    r"\b(?:formular|formulare|mail|e-mail|mails|verbindung|ubertragung|anhang|anhange|webseite|seite|[\w-]*daten|"
    r"dokumente|unterlagen|antrage|bescheide)"
    r" (?:war |ist |sind |waren )?(?:\w+ )?verschlusselt\b"
    r"(?:\s?\?|,| und| \(|\))|"
    r"\b(?:https|tls|ssl|ende-zu-ende|transport)[\w-]*\b[^.?!\n]{0,60}\bverschlusselt|"
    r"\bverschlusselt\b[^.?!\n]{0,60}\b(?:https|tls|ssl|ende-zu-ende|ubertragen)",
)
# Said of the whole mail: nothing has happened, the question is a precaution.
_NOTHING_HAPPENED = _rx(
    r"\b(?:es ist|ist|es war) (?:noch |bisher |bislang |zum gluck |auch )?nichts passiert\b|"
    r"\b(?:nur|rein|reine) (?:vorsorglich|vorsorge)\b|\bwir wollen (?:das|es) nur\b[^.?!\n]{0,60}"
    r"\b(?:regeln|festlegen|schreiben|aufnehmen|klaren)\b",
)
_NEGATED_INCIDENT = _rx(
    r"\b(?:nichts passiert|niemand hat|keiner hat|hat niemand|hat keiner)\b",
    r"\b(?:nicht|nichts|kein|keine|keinen|niemand) (?:\w+ ){0,3}?(?:verschlusselt|kompromittiert|gehackt|"
    r"abgeflossen|geklickt|angeklickt|geoffnet|ausgefuhrt|eingegeben|betroffen|infiziert)\b",
)


# Incident words typed in panic ("vershcluesselt", "gehakt"): matched with one edit (Damerau).
_TYPO_TARGETS = ("verschlusselt", "gehackt", "kompromittiert", "abgeflossen", "lahmgelegt",
                 "trojaner", "ransomware", "losegeld", "erpresst", "angegriffen")  # fmt: skip
_WORD = re.compile(r"[a-z]{6,}")


def _one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` at most one insertion, deletion, substitution or swap apart?"""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def typo_incident_words(text: str) -> tuple[str, ...]:
    """Incident words in ``text``, also misspelt by one letter (folded forms)."""
    found = []
    for word in set(_WORD.findall(_fold(text))):
        if any(abs(len(word) - len(t)) <= 1 and _one_edit(word, t) for t in _TYPO_TARGETS):
            found.append(word)
    return tuple(sorted(found))


@dataclass(frozen=True)
class IncidentTime:
    settled: tuple[str, ...] = ()  # strong: over, contained or did not happen
    past: tuple[str, ...] = ()  # weak: a past time
    hypothetical: tuple[str, ...] = ()  # a condition, an exercise, a training, a warning
    ongoing: tuple[str, ...] = ()
    attack_now: tuple[str, ...] = ()
    not_current: bool = False  # the incident told is not happening now (or none is told as happening)
    incident_words: tuple[str, ...] = ()  # incident words, also misspelt ("vershcluesselt")
    incident_now: bool = False  # a sentence that tells an incident also says it is happening now

    def explanation(self) -> str:
        """Plain German: why the mail was (not) read as an ongoing incident."""
        if self.not_current:
            cues = (self.settled + self.past + self.hypothetical)[:3]
            return "kein laufender Vorfall: " + ", ".join(f"„{c}“" for c in cues) if cues else ""
        cues = (self.attack_now + self.ongoing)[:3]
        return "laufender Vorfall: " + ", ".join(f"„{c}“" for c in cues) if cues else ""


def _found(pattern: re.Pattern[str], text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(0).strip() for m in pattern.finditer(text)))


def _sentences(text: str) -> list[str]:
    # "verschlüsselt übertragen" (a safeguard) is blanked: it tells no incident
    sentences = [" ".join(_fold(s).split()) for s in _SENTENCES.split(text) if s.strip()]
    return [_SAFEGUARD.sub(" ", s) if "verschlussel" in s else s for s in sentences]


def read_incident_time(text: str) -> IncidentTime:
    """Cues of time, aspect and negation, read per sentence that tells an incident.

    Each incident sentence is settled when it carries a settled, past or hypothetical cue and no
    "now" cue — or when the sentence after it (if that one tells no incident of its own) says it is
    over ("Die Daten sind inzwischen wiederhergestellt."). The mail is not current when every
    incident sentence is settled and at most one "now" cue stands elsewhere ("Was sollen wir jetzt
    tun?" after a restored incident). Without an incident sentence, the cues of the whole text count."""
    sentences = _sentences(text)
    whole = " ".join(sentences)
    ongoing = _found(_ONGOING, whole)
    folded = " ".join(_fold(text).split())
    safeguard = _found(_SAFEGUARD, folded) if "verschlussel" in folded else ()
    if safeguard and not ongoing and not _PREFILTER.search(whole):
        return IncidentTime(hypothetical=safeguard, not_current=True)
    if not _PREFILTER.search(whole) and not (ongoing and typo_incident_words(whole)):
        return IncidentTime(ongoing=ongoing)
    attack_now = _found(_ATTACK_NOW, whole)
    settled: list[str] = []
    past: list[str] = []
    hypothetical: list[str] = []
    strong = [
        i
        for i, s in enumerate(sentences)
        if _INCIDENT_STRONG.search(s) or _ATTACK_NOW.search(s) or typo_incident_words(s)
    ]
    verdicts = []
    incident_now = False
    for i in strong:
        sentence = sentences[i]
        cues_settled = _found(_SETTLED_STRONG, sentence) + _found(_NEGATED_INCIDENT, sentence)
        cues_past = _found(_SETTLED_WEAK, sentence)
        cues_hypothetical = _found(_HYPOTHETICAL, sentence)
        following = sentences[i + 1] if i + 1 < len(sentences) else ""
        if following and not _INCIDENT_STRONG.search(following):
            cues_settled += _found(_SETTLED_STRONG, following)
            cues_past += _found(_SETTLED_WEAK, following)
            cues_hypothetical += _found(_TRAINING, following)
        now = _found(_ONGOING, sentence)
        incident_now = incident_now or bool(now)
        settled += cues_settled
        past += cues_past
        hypothetical += cues_hypothetical
        verdicts.append(bool(cues_settled or cues_past or cues_hypothetical) and not now)
    if strong:
        not_current = all(verdicts) and len(ongoing) <= 1
    else:
        settled = list(_found(_SETTLED_STRONG, whole) + _found(_NEGATED_INCIDENT, whole))
        past = list(_found(_SETTLED_WEAK, whole))
        hypothetical = list(_found(_HYPOTHETICAL, whole))
        weak = len(past) + len(hypothetical)
        if settled:
            not_current = len(ongoing) + len(attack_now) <= 1
        else:
            not_current = bool(weak) and (not ongoing or weak >= 2 * len(ongoing) + 1)
        if safeguard and not ongoing and not attack_now:
            # "muss das Formular verschlüsselt übertragen werden?": encryption as a safeguard
            hypothetical += safeguard
            not_current = True
    nothing = _found(_NOTHING_HAPPENED, whole)
    if nothing and not attack_now and not incident_now:
        # "Es ist nichts passiert, wir wollen das nur regeln": a precaution, whatever the words
        settled = [*settled, *nothing]
        not_current = True
    return IncidentTime(
        settled=tuple(dict.fromkeys(settled)),
        past=tuple(dict.fromkeys(past)),
        hypothetical=tuple(dict.fromkeys(hypothetical)),
        ongoing=ongoing,
        attack_now=attack_now,
        not_current=not_current,
        incident_words=typo_incident_words(whole),
        incident_now=incident_now and not not_current,
    )
