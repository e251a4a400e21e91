"""Blind probe set for the authority linker: 70 raw mails written before looking at the linker's
own test mails (see README.md in this directory). Run to regenerate the .eml files and labels.jsonl."""

import json
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).parent
TO = "kompetenzzentrum@tfm.thueringen.de"
MAILS = []


def mail(name, sender, subject, body, authority, *, html=False, display=""):
    MAILS.append((name, sender, subject, body, authority, html, display))


# --- Eichsfeld (16061) ---
mail("p01_vg_member_arenshausen", "kaemmerei@vghr.de", "Förderantrag Dorfgemeinschaftshaus Arenshausen",
"""Sehr geehrte Damen und Herren,

die Gemeinde Arenshausen möchte für die Sanierung des Dorfgemeinschaftshauses Mittel aus dem
Kommunalen Investitionsprogramm beantragen. Können Sie uns sagen, bis wann der Antrag vorliegen muss
und ob der Eigenanteil über einen Kredit finanziert werden darf?

Mit freundlichen Grüßen
i. A. Petra Hunold
Kämmerei
Verwaltungsgemeinschaft Hanstein-Rusteberg
Am Kirchberg 2
37318 Hohengandern
Tel. 036081 6120
""", "16061001")
mail("p02_vg_itself_wipperaue", "hauptamt@eichsfeld-wipperaue.de", "Umlage der VG 2027 - Rückfrage",
"""Guten Tag Herr Schröter,

wir stellen gerade den Haushalt der Verwaltungsgemeinschaft für 2027 auf. Die Gemeinschaftsversammlung
fragt, ob die VG-Umlage nach Einwohnern oder nach Steuerkraft verteilt werden darf.

Für eine kurze Einschätzung wäre ich dankbar.

Freundliche Grüße

Thomas Kellner
Leiter Hauptamt
VG Eichsfeld-Wipperaue
Schulstraße 12, 37339 Breitenworbis
""", "160615006")
mail("p03_town_own_domain_leinefelde", "d.bock@leinefelde-worbis.de", "Frage zur Grundsteuer-Hebesatzsatzung",
"""Hallo zusammen,

nach der Grundsteuerreform müssen wir die Hebesatzsatzung anpassen. Gibt es eine Musterformulierung
für aufkommensneutrale Hebesätze?

Danke und viele Grüße
Daniela Bock

Stadtverwaltung Leinefelde-Worbis
Fachbereich Finanzen
Bahnhofstraße 43
37327 Leinefelde-Worbis
Telefon: 03605 200-145
www.leinefelde-worbis.de
""", "16061115")
mail("p04_lra_eichsfeld", "finanzen@kreis-eic.de", "Kreisumlage - Anhörung der Gemeinden",
"""Sehr geehrte Frau Dr. Lange,

im Rahmen der Festsetzung der Kreisumlage 2027 führen wir die Anhörung der kreisangehörigen Gemeinden
durch. Dürfen wir die Unterlagen elektronisch versenden oder ist weiterhin die Schriftform nötig?

Mit freundlichen Grüßen
Im Auftrag

Sandra Rhode
Landratsamt Eichsfeld
Fachbereich Finanzen und Beteiligungen
Friedensplatz 8
37308 Heilbad Heiligenstadt
""", "16061")
# --- Nordhausen (16062) ---
mail("p05_town_nordhausen", "buergermeisteramt@nordhausen.de", "Stadt Nordhausen: Frage Kassenkredite",
"""Sehr geehrte Damen und Herren,

unsere Liquiditätsplanung zeigt für den Herbst einen Engpass. Bis zu welcher Höhe dürfen wir
Kassenkredite ohne Genehmigung aufnehmen?

Mit freundlichen Grüßen

Kerstin Wand
Stadtkämmerin
Stadtverwaltung Nordhausen
Markt 1
99734 Nordhausen
""", "16062041")
mail("p06_lra_nordhausen", "k.mueller@lra-ndh.de", "Schulnetz - Fördermittel Landkreis",
"""Guten Morgen,

der Landkreis Nordhausen als Schulträger plant die Erneuerung der Netzwerktechnik an sechs Schulen.
Ist das über den Digitalpakt noch förderfähig?

Mit freundlichen Grüßen
Klaus Müller
Landratsamt Nordhausen
Amt für Schulverwaltung
Behringstraße 3
99734 Nordhausen
""", "16062")
mail("p07_eg_self_bleicherode", "info@bleicherode.de", "Anfrage Haushaltssicherungskonzept",
"""Sehr geehrte Damen und Herren,

die Stadt Bleicherode muss nach dem Jahresabschluss ein Haushaltssicherungskonzept aufstellen.
Welche Fristen gelten dafür, und braucht es eine Genehmigung durch die Rechtsaufsicht?

Mit freundlichen Grüßen

Frank Rostek
Bürgermeister
Stadt Bleicherode
Hauptstraße 50
99752 Bleicherode
""", "16062066")
mail("p08_eg_member_goersbach", "bauamt@stadt-heringen.de", "Görsbach - Zuwendung Feuerwehrgerätehaus",
"""Sehr geehrte Frau Weber,

als erfüllende Gemeinde für Görsbach fragen wir an, ob für den Neubau des Feuerwehrgerätehauses in
Görsbach eine Zuwendung aus Landesmitteln möglich ist. Die Gemeinde Görsbach hat den Beschluss
bereits gefasst.

Mit freundlichen Grüßen
Bauamt
Stadt Heringen/Helme
Markt 1
99765 Heringen/Helme
""", "16062008")
# --- Wartburgkreis (16063) ---
mail("p09_gmx_gerstungen", "gemeinde.gerstungen@gmx.de", "Anfrage Straßenausbaubeiträge",
"""Sehr geehrte Damen und Herren,

wir haben eine Frage zur Erstattung der Straßenausbaubeiträge: Können wir die Erstattung für 2019
noch beantragen?

Mit freundlichen Grüßen
Jana Pfeffer
Gemeindeverwaltung Gerstungen
Wilhelmstraße 53
99834 Gerstungen
""", "16063097")
mail("p10_lra_wartburgkreis", "sachgebiet.kommunalaufsicht@wartburgkreis.de", "Kommunalaufsicht: Auslegungsfrage ThürKO",
"""Sehr geehrte Kolleginnen und Kollegen,

uns liegt die Anfrage einer Gemeinde zur Veräußerung eines Grundstücks unter Wert vor. Teilen Sie
unsere Auffassung, dass hier eine Genehmigungspflicht besteht?

Mit freundlichen Grüßen

Jörg Sommer
Sachgebiet Kommunalaufsicht
Landratsamt Wartburgkreis
Erzberger Allee 14
36433 Bad Salzungen
""", "16063")
mail("p11_vg_several_hainich", "info@vg-hainich-werratal.de", "Sammelanfrage Krauthausen und Bischofroda",
"""Sehr geehrte Damen und Herren,

die Gemeinden Krauthausen und Bischofroda wollen gemeinsam einen Bauhof betreiben. Welche
Rechtsform empfehlen Sie und gibt es dafür Fördermittel?

Mit freundlichen Grüßen
Andreas Krug
Gemeinschaftsvorsitzender
Verwaltungsgemeinschaft Hainich-Werratal
Markt 1
99831 Amt Creuzburg
""", "160635006")
mail("p12_allcaps_treffurt", "rathaus.treffurt@t-online.de", "ANFRAGE KITA-GEBUEHREN",
"""GUTEN TAG,

WIR MOECHTEN DIE ELTERNBEITRAEGE FUER UNSERE KINDERTAGESSTAETTEN ANPASSEN. MUSS DAS LAND
ZUSTIMMEN ODER REICHT DER STADTRATSBESCHLUSS?

MFG
H. LEHMANN
STADTVERWALTUNG TREFFURT
RATHAUSSTRASSE 12
99830 TREFFURT
""", "16063076")
mail("p13_eisenach", "kaemmerei@eisenach.de", "Eingliederung - Vermögensauseinandersetzung",
"""Sehr geehrte Damen und Herren,

seit der Einkreisung 2021 sind noch Fragen zur Vermögensauseinandersetzung mit dem Wartburgkreis offen.
Gibt es hierzu eine Ansprechperson im Ministerium?

Mit freundlichen Grüßen
i.A. Martin Siebert
Stadtverwaltung Eisenach
Kämmerei
Markt 1
99817 Eisenach
""", "16063105")
# --- Unstrut-Hainich-Kreis (16064) ---
mail("p14_abbrev_badlangensalza", "steuern@bad-langensalza.de", "Zweitwohnungssteuer",
"""Guten Tag,

kurze Frage: Ist eine Zweitwohnungssteuer auch für Kleingartenlauben zulässig?

Gruß
R. Fiedler
Stadtverw. Bad Langensalza, Steueramt
Marktstraße 1, 99947 Bad Langensalza
""", "16064003")
mail("p15_lra_uhk", "poststelle@unstrut-hainich-kreis.de", "Anfrage Kreisumlage Härtefall",
"""Sehr geehrte Damen und Herren,

eine kreisangehörige Gemeinde beantragt die Stundung der Kreisumlage. Ist eine Stundung rechtlich
überhaupt möglich?

Mit freundlichen Grüßen

Marion Haupt
Landratsamt Unstrut-Hainich-Kreis
Lindenbühl 28/29
99974 Mühlhausen
""", "16064")
mail("p16_eg_member_oppershausen", "verwaltung@gemeinde-vogtei.de", "Oppershausen: Jahresrechnung",
"""Sehr geehrte Damen und Herren,

für die Gemeinde Oppershausen ist die Jahresrechnung 2024 noch nicht geprüft worden. Darf der
Gemeinderat trotzdem die Entlastung beschließen?

Mit freundlichen Grüßen
Kerstin Brandt
Kämmerei
Gemeinde Vogtei (erfüllende Gemeinde)
Hauptstraße 39
99986 Vogtei
""", "16064053")
mail("p17_ob_muehlhausen", "ob@muehlhausen.de", "Bitte um Gesprächstermin",
"""Sehr geehrter Herr Staatssekretär,

ich würde gern einen Termin vereinbaren, um über die Finanzierung der Innenstadtsanierung zu sprechen.

Mit freundlichen Grüßen

Der Oberbürgermeister der Stadt Mühlhausen/Thüringen
Ratsstraße 19
99974 Mühlhausen
""", "16064046")
# --- Kyffhäuserkreis (16065) ---
mail("p18_vgem_clingen", "kasse@vgem-greussen.de", "Clingen: Kassenprüfung",
"""Hallo,

die Stadt Clingen fragt, ob die örtliche Kassenprüfung auch durch die VGem durchgeführt werden kann.

Vielen Dank
M. Schenk
VGem Greußen
Markt 1
99718 Greußen
""", "16065012")
mail("p19_lra_kyffhaeuser", "kaemmerei@kyffhaeuser.de", "Kommunale Finanzausgleich - Schlüsselzuweisungen",
"""Sehr geehrte Damen und Herren,

wir bitten um Übersendung der vorläufigen Berechnung der Schlüsselzuweisungen für die Landkreise.

Mit freundlichen Grüßen

i. A. Steffen Wolf
Kämmerei
Landratsamt Kyffhäuserkreis
Markt 8
99706 Sondershausen
""", "16065")
mail("p20_town_sondershausen", "hauptamt@sondershausen.de", "Anfrage Beteiligungsbericht",
"""Sehr geehrte Damen und Herren,

muss der Beteiligungsbericht der Stadt auch die Zweckverbände enthalten?

Mit freundlichen Grüßen
Anke Roth
Hauptamt
Stadtverwaltung Sondershausen
Markt 7
99706 Sondershausen
""", "16065067")
mail("p21_no_umlauts_rossleben", "rossleben-wiehe@web.de", "Fragen zur Gebuehrenkalkulation",
"""Sehr geehrte Damen und Herren,

wir ueberarbeiten die Friedhofsgebuehrensatzung. Koennen Sie uns eine Musterkalkulation schicken?

Mit freundlichen Gruessen
Heike Baer
Stadtverwaltung Rossleben-Wiehe
Sachgebiet Finanzen
Markt 1
06571 Rossleben-Wiehe
""", "16065087")
# --- Schmalkalden-Meiningen (16066) ---
mail("p22_town_zella", "finanzen@zella-mehlis.de", "Doppik-Umstellung",
"""Sehr geehrte Damen und Herren,

wir prüfen die Umstellung auf die Doppik zum 01.01.2028. Gibt es dafür Unterstützung des Landes?

Mit freundlichen Grüßen
Lars Pfannschmidt
Fachdienst Finanzen
Stadt Zella-Mehlis
Rathausstraße 4
98544 Zella-Mehlis
""", "16066092")
mail("p23_lra_sm", "kommunalaufsicht@lra-sm.de", "Rechtsaufsicht Haushaltssatzung",
"""Sehr geehrte Damen und Herren,

bitte teilen Sie uns mit, ob die geänderte Verwaltungsvorschrift zur Haushaltsgenehmigung schon in Kraft ist.

Freundliche Grüße
LRA Schmalkalden-Meiningen
Kommunalaufsicht
Obertshäuser Platz 1
98617 Meiningen
""", "16066")
mail("p24_vg_member_schwallungen", "j.schmidt@vg-wasungen.de", "Gemeinde Schwallungen - Kredit Feuerwehrfahrzeug",
"""Sehr geehrte Damen und Herren,

die Gemeinde Schwallungen will für ein neues Löschfahrzeug einen Kredit aufnehmen. Ist hier eine
Einzelgenehmigung erforderlich?

Mit freundlichen Grüßen
Jana Schmidt
Kämmerei
Verwaltungsgemeinschaft Wasungen-Amt Sand
Schwarzbachstr. 2
98634 Wasungen
""", "16066064")
mail("p25_vg_member_birx", "info@vghoherhoen.de", "Gem. Birx - Frage Windkraft Pachteinnahmen",
"""Guten Tag,

die Gem. Birx erhält künftig Pachteinnahmen aus einem Windpark. Wie sind diese im Haushalt zu veranschlagen?

Mit freundlichen Grüßen
Ute Hahn
VG Hohe Rhön
Kaltennordheim
""", "16066012")
# --- Gotha (16067) ---
mail("p26_town_gotha", "stadtkaemmerei@gotha.de", "Kreisstadt Gotha - Anfrage Bürgschaft",
"""Sehr geehrte Damen und Herren,

die Stadt Gotha möchte für die Stadtwerke eine Bürgschaft übernehmen. Welche Unterlagen braucht die
Genehmigungsbehörde?

Mit freundlichen Grüßen
Im Auftrag
Kathrin Vogel
Stadtkämmerei
Stadtverwaltung Gotha
Ekhofplatz 24
99867 Gotha
""", "16067029")
mail("p27_lra_gotha", "post@landkreis-gotha.de", "Rückfrage zur Kreisumlage",
"""Sehr geehrte Damen und Herren,

mit Bezug auf Ihr Schreiben vom 12.03. bitten wir um Erläuterung der neuen Umlagegrundlagen.

Mit freundlichen Grüßen

Der Landrat des Landkreises Gotha
im Auftrag
Peter Frank
18.-März-Straße 50
99867 Gotha
""", "16067")
mail("p28_vg_several_nesseaue", "vg@vg-nesseaue.de", "Friemar und Molschleben: gemeinsame Kita",
"""Sehr geehrte Damen und Herren,

die Mitgliedsgemeinden Friemar und Molschleben planen eine gemeinsame Kindertagesstätte. Wie wird die
Finanzierung zwischen den Gemeinden aufgeteilt?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Nesseaue
Hauptstraße 43
99869 Friemar
""", "160675007")
mail("p29_ministry", "poststelle@tmik.thueringen.de", "Rundschreiben Kommunalwahlen 2026",
"""Sehr geehrte Damen und Herren,

anbei erhalten Sie das Rundschreiben zur Durchführung der Kommunalwahlen. Rückfragen der Gemeinde
Bad Tabarz und der Stadt Gotha haben wir bereits beantwortet.

Mit freundlichen Grüßen
Im Auftrag
Referat 32
Thüringer Ministerium für Inneres und Kommunales
Steigerstraße 24
99096 Erfurt
""", None)
mail("p30_kiv_on_behalf", "support@kiv-thueringen.de", "Ticket 48213: Gemeinde Nesse-Apfelstädt - Umstellung Finanzsoftware",
"""Sehr geehrte Damen und Herren,

im Auftrag der Gemeinde Nesse-Apfelstädt fragen wir an, ob die Umstellung der Finanzsoftware zum
Jahreswechsel förderfähig ist.

Mit freundlichen Grüßen
Ihr KIV-Team
Kommunale Informationsverarbeitung Thüringen GmbH
Eugen-Richter-Straße 44
99085 Erfurt
""", "16067087")
# --- Sömmerda (16068) ---
mail("p31_town_soemmerda", "rathaus@soemmerda.de", "Wahlhelfer-Entschädigung",
"""Sehr geehrte Damen und Herren,

wie hoch darf das Erfrischungsgeld für Wahlhelfer bei der Kommunalwahl sein?

Mit freundlichen Grüßen

Stadtverwaltung Sömmerda
Hauptamt
Markt 1
99610 Sömmerda
""", "16068051")
mail("p32_lra_soemmerda", "kreiskaemmerei@lra-soemmerda.de", "Kreisumlage Sömmerda",
"""Sehr geehrte Damen und Herren,

der Kreistag des Landkreises Sömmerda berät im Mai über die Kreisumlage. Liegen schon die
Orientierungsdaten vor?

Mit freundlichen Grüßen
Kreiskämmerei
Landratsamt Sömmerda
Bahnhofstraße 9
99610 Sömmerda
""", "16068")
mail("p33_elxleben_soemmerda", "kaemmerei@gemeinde-elxleben.de", "Anfrage Investitionspauschale",
"""Sehr geehrte Damen und Herren,

wann wird die Investitionspauschale für 2026 ausgezahlt?

Mit freundlichen Grüßen
Gemeinde Elxleben
Kämmerei
Erfurter Straße 9
99189 Elxleben
""", "16068009")
mail("p34_elxleben_ilmkreis", "hauptamt@vg-riechheimer-berg.de", "Gemeinde Elxleben: Friedhofssatzung",
"""Sehr geehrte Damen und Herren,

für die Gemeinde Elxleben überarbeiten wir die Friedhofssatzung. Gibt es eine aktuelle Mustersatzung?

Mit freundlichen Grüßen
Hauptamt
Verwaltungsgemeinschaft Riechheimer Berg
99310 Amt Wachsenburg
""", "16070013")
mail("p35_partner_koelleda", "bauamt@koelleda.de", "Gemeinsames Gewerbegebiet",
"""Sehr geehrte Damen und Herren,

wir planen gemeinsam mit der Stadt Sömmerda ein interkommunales Gewerbegebiet. Wie werden die
Gewerbesteuereinnahmen aufgeteilt?

Mit freundlichen Grüßen
Stadtverwaltung Kölleda
Bauamt
Markt 1
99625 Kölleda
""", "16068034")
mail("p36_vg_member_walschleben", "info@vg-gera-aue.de", "Walschleben - Straßenreinigungsgebühren",
"""Guten Tag,

die Gemeinde Walschleben möchte Straßenreinigungsgebühren einführen. Gibt es Beispiele aus anderen
Gemeinden?

Grüße aus Gebesee
Marko Fritsche
VG Gera-Aue
""", "16068057")
# --- Hildburghausen (16069) ---
mail("p37_town_hildburghausen", "stadt@hildburghausen.de", "Anfrage Stadt Hildburghausen",
"""Sehr geehrte Damen und Herren,

unsere Stadt möchte Anteile an einer Wohnungsbaugesellschaft verkaufen. Ist dafür eine Anzeige bei der
Rechtsaufsicht nötig?

Mit freundlichen Grüßen
Stadtverwaltung Hildburghausen
Clara-Zetkin-Straße 3
98646 Hildburghausen
""", "16069024")
mail("p38_lra_hildburghausen", "kaemmerei@lrahbn.de", "Anfrage Landkreis Hildburghausen",
"""Sehr geehrte Damen und Herren,

wir bitten um Mitteilung, ob die Mehrbelastungsausgleiche für 2025 bereits festgesetzt wurden.

Mit freundlichen Grüßen
Landratsamt Hildburghausen
Kämmerei
Wiesenstraße 18
98646 Hildburghausen
""", "16069")
mail("p39_eichenberg_hbn", "kaemmerei@vg-feldstein.de", "Gemeinde Eichenberg - Haushalt",
"""Sehr geehrte Damen und Herren,

die Gemeinde Eichenberg hat ihren Haushalt noch nicht beschlossen. Welche Ausgaben sind in der
vorläufigen Haushaltsführung erlaubt?

Mit freundlichen Grüßen
VG Feldstein
Kämmerei
Markt 1
98660 Themar
""", "16069011")
mail("p40_eichenberg_shk", "info@vg-suedliches-saaletal.de", "Eichenberg: Bauhof",
"""Sehr geehrte Damen und Herren,

die Gemeinde Eichenberg möchte ihren Bauhof auflösen und die Arbeiten vergeben. Ist das vergaberechtlich
problematisch?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Südliches Saaletal
Rathausgasse 1
07768 Kahla
""", "16074016")
# --- Ilm-Kreis (16070) ---
mail("p41_newsletter_gstb", "newsletter@gstb-thueringen.de", "Newsletter 03/2026: Neues aus den Kommunen",
"""Newsletter des Gemeinde- und Städtebundes Thüringen

+++ Stadt Ilmenau erhält Preis für digitale Verwaltung +++
Die Universitätsstadt Ilmenau wurde für ihr Bürgerportal ausgezeichnet.

+++ Landkreis Greiz startet Breitbandprogramm +++

Abmelden: https://www.gstb-thueringen.de/newsletter
Gemeinde- und Städtebund Thüringen e.V.
Richard-Breslau-Straße 14
99094 Erfurt
""", None)
mail("p42_lra_ilmkreis", "kommunalaufsicht@ilm-kreis.de", "Rechtsfrage Zweckverband",
"""Sehr geehrte Damen und Herren,

kann ein Zweckverband seine Verbandsumlage rückwirkend erhöhen?

Mit freundlichen Grüßen
LRA Ilm-Kreis
Kommunalaufsicht
Ritterstraße 14
99310 Arnstadt
""", "16070")
mail("p43_reply_arnstadt_quoting_lra", "kaemmerei@arnstadt.de", "AW: Rechtsfrage Zweckverband",
"""Sehr geehrte Damen und Herren,

wir schließen uns der Frage des Landratsamts an, da auch die Stadt Arnstadt betroffen ist.

Mit freundlichen Grüßen
Stadtverwaltung Arnstadt
Kämmerei
Markt 1
99310 Arnstadt

-----Ursprüngliche Nachricht-----
Von: Kommunalaufsicht <kommunalaufsicht@ilm-kreis.de>
Gesendet: Montag, 9. März 2026 10:12
Betreff: Rechtsfrage Zweckverband

> kann ein Zweckverband seine Verbandsumlage rückwirkend erhöhen?
> Mit freundlichen Grüßen
> LRA Ilm-Kreis
> Kommunalaufsicht
> Ritterstraße 14
> 99310 Arnstadt
""", "16070004")
# --- Weimarer Land (16071) ---
mail("p44_town_apolda", "finanzen@apolda.de", "Hebesatz Gewerbesteuer",
"""Sehr geehrte Damen und Herren,

gibt es eine Untergrenze für den Gewerbesteuerhebesatz?

Mit freundlichen Grüßen
Stadtverwaltung Apolda
Amt für Finanzen
Markt 1
99510 Apolda
""", "16071001")
mail("p45_lra_weimarerland", "kreiskasse@weimarerland.de", "Vollstreckungshilfe",
"""Sehr geehrte Damen und Herren,

dürfen wir für kreisangehörige Gemeinden Vollstreckungshilfe leisten und dafür Gebühren erheben?

Mit freundlichen Grüßen
Kreiskasse
Landratsamt Weimarer Land
Bahnhofstraße 28
99510 Apolda
""", "16071")
mail("p46_vg_member_klettbach", "kaemmerei@vg-kranichfeld.de", "Klettbach Kreditgenehmigung",
"""Sehr geehrte Damen und Herren,

die Gemeinde Klettbach will ihr Gemeindehaus sanieren und dafür einen Kredit aufnehmen. Was ist zu beachten?

Mit freundlichen Grüßen
Kämmerei
Verwaltungsgemeinschaft Kranichfeld
Baumbachstraße 6
99448 Kranichfeld
""", "16071043")
# --- Sonneberg (16072) ---
mail("p47_town_sonneberg", "info@sonneberg.de", "Anfrage Stadt Sonneberg - Spielplatzförderung",
"""Sehr geehrte Damen und Herren,

gibt es Landesprogramme für die Sanierung öffentlicher Spielplätze?

Mit freundlichen Grüßen
Stadt Sonneberg
Bahnhofsplatz 1
96515 Sonneberg
""", "16072018")
mail("p48_lra_sonneberg", "post@lkson.de", "Anfrage Landratsamt",
"""Sehr geehrte Damen und Herren,

bitte senden Sie uns die Liste der Ansprechpartner für die Kommunalfinanzen.

Mit freundlichen Grüßen
Landratsamt Sonneberg
Bahnhofstraße 66
96515 Sonneberg
""", "16072")
mail("p49_no_greeting_lauscha", "kasse@lauscha.de", "Lauscha Mahngebühren",
"""Bitte um Mitteilung, ob wir die Mahngebühren nach ThürVwZVG erhöhen dürfen.

Stadtverwaltung Lauscha
Stadtkasse
Bahnhofstraße 12
98724 Lauscha
Tel. 036702 290
""", "16072011")
# --- Saalfeld-Rudolstadt (16073) ---
mail("p50_town_saalfeld", "stadtkasse@saalfeld.de", "Saalfeld - Frage zur Vergnügungssteuer",
"""Sehr geehrte Damen und Herren,

darf die Vergnügungssteuer auf Spielgeräte nach dem Einspielergebnis bemessen werden?

Mit freundlichen Grüßen
Stadtverwaltung Saalfeld/Saale
Markt 1
07318 Saalfeld/Saale
""", "16073077")
mail("p51_lra_slf", "kaemmerei@kreis-slf.de", "Landkreis Saalfeld-Rudolstadt: Frage",
"""Sehr geehrte Damen und Herren,

wir benötigen die aktuelle Rundverfügung zur Haushaltskonsolidierung.

Mit freundlichen Grüßen
Landratsamt Saalfeld-Rudolstadt
Schloßstraße 24
07318 Saalfeld
""", "16073")
mail("p52_lehesten_slf", "post@vg-schiefergebirge.de", "Stadt Lehesten - Schieferpark",
"""Sehr geehrte Damen und Herren,

die Stadt Lehesten möchte für den Schieferpark Fördermittel beantragen. Welches Programm passt?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Schiefergebirge
Markt 1
07330 Probstzella
""", "16073046")
mail("p53_lehesten_shk", "info@vg-dornburg-camburg.de", "Lehesten - Gemeindestraße",
"""Guten Tag,

die Gemeinde Lehesten muss eine Gemeindestraße grundhaft ausbauen. Gibt es Zuschüsse?

Viele Grüße
VG Dornburg-Camburg
""", "16074051")
mail("p54_gem_abbrev_unterwellenborn", "bauamt@unterwellenborn.de", "Vergabe Winterdienst",
"""Guten Tag,

müssen wir den Winterdienst europaweit ausschreiben, wenn der Auftragswert 200.000 EUR beträgt?

Gruß
Gem. Unterwellenborn
Bauamt
Ernst-Thälmann-Str. 5
07333 Unterwellenborn
""", "16073111")
# --- Saale-Holzland-Kreis (16074) ---
mail("p55_town_kahla", "kaemmerer@kahla.de", "Rückfrage Stadt Kahla",
"""Sehr geehrte Damen und Herren,

ist die Stadt Kahla verpflichtet, einen Gesamtabschluss aufzustellen?

Mit freundlichen Grüßen
Stadtverwaltung Kahla
Markt 10
07768 Kahla
""", "16074044")
mail("p56_lra_shk", "kaemmerei@lrashk.de", "Anfrage Saale-Holzland-Kreis",
"""Sehr geehrte Damen und Herren,

wir bitten um Information zur Abrechnung der Schulnetzförderung.

Mit freundlichen Grüßen
Landratsamt Saale-Holzland-Kreis
Im Schloss
07607 Eisenberg
""", "16074")
# --- Saale-Orla-Kreis (16075) ---
mail("p57_town_schleiz", "hauptamt@schleiz.de", "Städtepartnerschaft",
"""Sehr geehrte Damen und Herren,

darf die Stadt Schleiz Reisekosten für eine Delegation zur Partnerstadt übernehmen?

Mit freundlichen Grüßen
Stadtverwaltung Schleiz
Bahnhofstraße 1
07907 Schleiz
""", "16075098")
mail("p58_vg_itself_oppurg", "vg@vg-oppurg.de", "Personalkosten VG",
"""Sehr geehrte Damen und Herren,

die Verwaltungsgemeinschaft Oppurg will ihren Stellenplan erweitern. Müssen alle Mitgliedsgemeinden
zustimmen?

Mit freundlichen Grüßen
Verwaltungsgemeinschaft Oppurg
Hauptstraße 6
07381 Oppurg
""", "160755005")
# --- Greiz (16076) ---
mail("p59_town_greiz", "rathaus@greiz.de", "Anfrage Stadt Greiz",
"""Sehr geehrte Damen und Herren,

die Stadt Greiz plant den Verkauf des Sommerpalais-Areals. Ist eine Wertermittlung vorgeschrieben?

Mit freundlichen Grüßen
Stadtverwaltung Greiz
Markt 12
07973 Greiz
""", "16076022")
mail("p60_lra_greiz", "kommunalaufsicht@landkreis-greiz.de", "Kommunalaufsicht Greiz",
"""Sehr geehrte Damen und Herren,

wie ist mit einem Haushalt umzugehen, der erst nach Jahresbeginn beschlossen wurde?

Mit freundlichen Grüßen
Landratsamt Greiz
Kommunalaufsicht
Dr.-Rathenau-Platz 11
07973 Greiz
""", "16076")
mail("p61_old_name_berga", "stadt@berga-elster.de", "Rückfrage Fusion",
"""Sehr geehrte Damen und Herren,

nach dem Zusammenschluss mit Wünschendorf sind noch Fragen zur Angleichung der Hebesätze offen.

Mit freundlichen Grüßen
Stadtverwaltung Berga/Elster
Markt 1
07980 Berga/Elster
""", "16076094")
# --- Altenburger Land (16077) ---
mail("p62_town_altenburg", "finanzen@stadt-altenburg.de", "Altenburg - Frage zur Bilanz",
"""Sehr geehrte Damen und Herren,

muss die Eröffnungsbilanz vom Rechnungsprüfungsamt geprüft werden?

Mit freundlichen Grüßen
Skatstadt Altenburg
Fachdienst Finanzen
Markt 1
04600 Altenburg
""", "16077001")
mail("p63_lra_abg", "kaemmerei@altenburgerland.de", "Landratsamt Altenburger Land",
"""Sehr geehrte Damen und Herren,

wir bitten um die Rundverfügung zu den Schlüsselzuweisungen.

Mit freundlichen Grüßen
Landratsamt Altenburger Land
Lindenaustraße 9
04600 Altenburg
""", "16077")
mail("p64_vg_member_goehren", "info@vg-rositz.de", "Göhren - Kindergartenkosten",
"""Sehr geehrte Damen und Herren,

die Gemeinde Göhren fragt, wie die Kindergartenkosten mit der Nachbargemeinde abgerechnet werden.

Mit freundlichen Grüßen
VG Rositz
Hauptstraße 1
04617 Rositz
""", "16077008")
# --- kreisfreie Städte ---
mail("p65_erfurt", "finanzverwaltung@erfurt.de", "Landeshauptstadt Erfurt - Anfrage",
"""Sehr geehrte Damen und Herren,

wir bitten um einen Gesprächstermin zur Finanzierung der Buga-Nachnutzung.

Mit freundlichen Grüßen
Landeshauptstadt Erfurt
Finanzverwaltung
Fischmarkt 1
99084 Erfurt
""", "16051000")
mail("p66_jena_html", "kaemmerei@jena.de", "Jena: Kassenkredite",
"""<html><body><p>Sehr geehrte Damen und Herren,</p>
<p>wir haben eine Frage zu Kassenkrediten der Eigenbetriebe.</p>
<p>Mit freundlichen Gr&uuml;&szlig;en<br>Stadtverwaltung Jena<br>Dezernat Finanzen<br>Am Anger 15<br>07743 Jena</p>
</body></html>""", "16053000", html=True)
mail("p67_suhl_forward", "hauptamt@suhl.de", "WG: Anfrage Förderung",
"""Zur Kenntnis und mit der Bitte um Antwort.

Stadtverwaltung Suhl
Hauptamt

---------- Weitergeleitete Nachricht ----------
Von: Bürgerbüro Suhl <buergerbuero@suhl.de>
Betreff: Anfrage Förderung

Gibt es eine Förderung für digitale Bürgerterminals?
""", "16054000")
# --- null cases ---
mail("p68_citizen_gotha", "m.keller77@gmx.de", "Frage zur Grundsteuer",
"""Sehr geehrte Damen und Herren,

ich wohne in Gotha und habe einen Grundsteuerbescheid der Stadt Gotha bekommen. Ist der Hebesatz rechtens?

Mit freundlichen Grüßen
Michael Keller
Waltershäuser Straße 12
99867 Gotha
""", None)
mail("p69_company_vendor", "vertrieb@komsoft-gmbh.de", "Einladung Webinar Finanzsoftware",
"""Sehr geehrte Damen und Herren,

bereits die Stadt Sömmerda und die Gemeinde Bad Tabarz setzen unsere Software ein. Wir laden Sie
herzlich zum Webinar ein.

Mit freundlichen Grüßen
KomSoft GmbH
Vertrieb
Am Seegraben 4
99099 Erfurt
Geschäftsführer: A. Beck, HRB 12345
""", None)
mail("p70_hessen_authority", "kommunalaufsicht@werra-meissner-kreis.de", "Anfrage aus Hessen",
"""Sehr geehrte Damen und Herren,

wir als Kommunalaufsicht des Werra-Meißner-Kreises (Hessen) fragen nach Ihren Erfahrungen mit
interkommunalen Bauhöfen, etwa mit der Gemeinde Gerstungen.

Mit freundlichen Grüßen
Kreisausschuss des Werra-Meißner-Kreises
Schlossplatz 1
37269 Eschwege
""", None)


def write() -> None:
    start = datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    lines = []
    for number, (name, sender, subject, body, authority, html, display) in enumerate(MAILS):
        msg = EmailMessage()
        msg["From"] = f"{display} <{sender}>" if display else sender
        msg["To"] = TO
        msg["Subject"] = subject
        msg["Date"] = format_datetime(start + timedelta(hours=number * 3))
        msg["Message-ID"] = f"<probe-{number:03d}@probe.invalid>"
        if html:
            msg.set_content(body, subtype="html")
        else:
            msg.set_content(body)
        (HERE / f"{name}.eml").write_bytes(msg.as_bytes())
        lines.append(json.dumps({"file": f"{name}.eml", "topics": [], "authority": authority,
                                 "auto_reply": False, "urgent": False}, ensure_ascii=False))
    (HERE / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(len(MAILS), "mails")


if __name__ == "__main__":
    write()
