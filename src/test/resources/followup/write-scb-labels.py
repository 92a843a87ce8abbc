# Writes scb-labels-openpyxl.xlsx with openpyxl (not with Samsyn), as a kansli's own workbook:
# a title row, SUN labels as SCB writes them and as people shorten them, time without work as
# bands with signs and short words, members and abbreviations as referrers (a member with several
# units is recorded as the member's "unit not stated"), districts with their
# usual prefix, everyday exit reasons and an age column instead of a birth year.
#
#     pip install openpyxl   # 3.1.5 wrote the committed file
#     python3 write-scb-labels.py
import datetime
from openpyxl import Workbook

rows = [
    # Kön, Ålder vid start, Utbildning, Tid utan arbete, Anmälande part, Stadsdel, Startdatum, Slutdatum, Avslutsorsak, Samtycke
    ("Kvinna", 34, "Eftergymnasial utbildning, mindre än 3 år", "<6 mån", "Försäkringskassan", "SDF Södermalm",
     datetime.date(2024, 2, 5), None, None, "Ja"),
    ("Man", 41, "Eftergymnasial utbildning, 3 år eller mer", "6-12 mån", "FK", "Södermalms stadsdelsförvaltning",
     datetime.date(2024, 2, 6), datetime.date(2024, 8, 30), "Fått jobb", "Ja"),
    ("Kvinna", 27, "Gymnasial utbildning, 3 år", "1-2 år", "AF", "Stadsdelsförvaltning Järva",
     datetime.date(2024, 2, 7), datetime.date(2024, 6, 14), "AF:s insatser", "Ja"),
    ("Man", 52, "Förgymnasial utbildning 9 (10) år", "över 5 år", "Arbetsförmedlingen", "Enskede-Årsta-Vantörs stadsdelsförvaltning",
     datetime.date(2024, 2, 8), datetime.date(2024, 5, 2), "sjuk", "Ja"),
    ("Kvinna", 23, "Gymnasial utbildning, högst 2 år", "2-5 år", "SDF Järva, ekonomiskt bistånd", "SDF Järva",
     datetime.date(2024, 2, 9), datetime.date(2024, 4, 19), "avbrutit", "Ja"),
    ("Man", 30, "Högskola 3 år eller mer", "6–12 månader", "Egen anmälan", "Stadsdelsområde Farsta",
     datetime.date(2024, 2, 12), datetime.date(2024, 10, 1), "flyttat", "Ja"),
    ("Kvinna", 45, "Eftergymnasial mindre än 3 år", "mer än 5 år", "Södermalms psykosmottagning", "Södermalm",
     datetime.date(2024, 2, 13), None, None, "Ja"),
    ("Man", 19, "Grundskola 9 år", "< 6 mån", "F-kassan", "SDF Hässelby-Vällingby",
     datetime.date(2024, 2, 14), None, None, "Ja"),
    ("Kvinna", 38, "Forskarutbildning", "3 år", "Region Stockholm", "SDF Bromma",
     datetime.date(2024, 2, 15), None, None, "Ja"),
]

book = Workbook()
sheet = book.active
sheet.title = "Deltagare 2024"
sheet.append(["Deltagare i insatsen 2024"])
sheet.append(["Kön", "Ålder vid start", "Utbildning", "Tid utan arbete", "Anmälande part", "Stadsdel",
              "Startdatum", "Slutdatum", "Avslutsorsak", "Samtycke"])
for row in rows:
    sheet.append(list(row))
for column in ("G", "H"):
    for cell in sheet[column][2:]:
        cell.number_format = "yyyy-mm-dd"
book.save("scb-labels-openpyxl.xlsx")
