"""Writes crates/chorus/src/compare/gazetteer.tsv: countries (from the pycountry package)
with the short names and old spellings news uses, major cities, and major
organisations. Run: python3 scripts/gazetteer.py (needs `pip install pycountry`).

Each line: kind<TAB>name<TAB>alias|alias|...
"""
import pathlib
import pycountry

# Short names news uses instead of ISO's official ones, and older spellings.
COUNTRY_ALIASES = {
    "Türkiye": ["Turkey", "Turkiye"],
    "United States": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
    "United Kingdom": ["U.K.", "UK", "Britain", "Great Britain"],
    "Russian Federation": ["Russia"],
    "Iran, Islamic Republic of": ["Iran"],
    "Korea, Republic of": ["South Korea"],
    "Korea, Democratic People's Republic of": ["North Korea", "DPRK"],
    "Syrian Arab Republic": ["Syria"],
    "Viet Nam": ["Vietnam"],
    "Venezuela, Bolivarian Republic of": ["Venezuela"],
    "Bolivia, Plurinational State of": ["Bolivia"],
    "Tanzania, United Republic of": ["Tanzania"],
    "Moldova, Republic of": ["Moldova"],
    "Lao People's Democratic Republic": ["Laos"],
    "Czechia": ["Czech Republic"],
    "Myanmar": ["Burma"],
    "Côte d'Ivoire": ["Ivory Coast", "Cote d'Ivoire"],
    "Congo, The Democratic Republic of the": ["Democratic Republic of Congo", "DR Congo", "DRC"],
    "Congo": ["Republic of Congo"],
    "Palestine, State of": ["Palestine", "Palestinian territories"],
    "Holy See (Vatican City State)": ["Vatican", "Holy See"],
    "Taiwan, Province of China": ["Taiwan"],
    "Micronesia, Federated States of": ["Micronesia"],
    "Eswatini": ["Swaziland"],
    "North Macedonia": ["Macedonia"],
    "Cabo Verde": ["Cape Verde"],
    "Brunei Darussalam": ["Brunei"],
    "Netherlands": ["Holland", "The Netherlands"],
}
# The names a report would print, when ISO's differs.
DISPLAY = {
    "Russian Federation": "Russia",
    "Iran, Islamic Republic of": "Iran",
    "Korea, Republic of": "South Korea",
    "Korea, Democratic People's Republic of": "North Korea",
    "Syrian Arab Republic": "Syria",
    "Viet Nam": "Vietnam",
    "Venezuela, Bolivarian Republic of": "Venezuela",
    "Bolivia, Plurinational State of": "Bolivia",
    "Tanzania, United Republic of": "Tanzania",
    "Moldova, Republic of": "Moldova",
    "Lao People's Democratic Republic": "Laos",
    "Congo, The Democratic Republic of the": "Democratic Republic of the Congo",
    "Palestine, State of": "Palestine",
    "Holy See (Vatican City State)": "Vatican City",
    "Taiwan, Province of China": "Taiwan",
    "Micronesia, Federated States of": "Micronesia",
}

CITIES = """Istanbul|Ankara|Moscow|Kyiv|Kiev|Washington|New York|London|Paris|Berlin|Brussels|
Madrid|Rome|Vienna|Geneva|Beijing|Shanghai|Hong Kong|Tokyo|Seoul|Pyongyang|New Delhi|Delhi|
Mumbai|Kolkata|Chennai|Bangalore|Islamabad|Karachi|Lahore|Kabul|Tehran|Baghdad|Damascus|Beirut|
Amman|Jerusalem|Tel Aviv|Gaza|Cairo|Riyadh|Jeddah|Doha|Dubai|Abu Dhabi|Muscat|Kuwait City|Sanaa|
Aden|Khartoum|Tripoli|Tunis|Algiers|Rabat|Lagos|Abuja|Nairobi|Addis Ababa|Johannesburg|
Cape Town|Pretoria|Kinshasa|Dakar|Accra|Mogadishu|Dhaka|Colombo|Kathmandu|Bangkok|Hanoi|Jakarta|
Manila|Singapore|Kuala Lumpur|Sydney|Melbourne|Canberra|Wellington|Auckland|Ottawa|Toronto|
Montreal|Vancouver|Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Brasilia|
Sao Paulo|Rio de Janeiro|Chicago|Los Angeles|San Francisco|Seattle|Boston|Miami|Houston|Dallas|
Atlanta|Philadelphia|Detroit|Denver|Warsaw|Prague|Budapest|Bucharest|Sofia|Athens|Belgrade|
Minsk|Tbilisi|Yerevan|Baku|Tashkent|Almaty|Astana|Stockholm|Oslo|Helsinki|Copenhagen|
Amsterdam|The Hague|Dublin|Edinburgh|Lisbon|Zurich|Munich|Frankfurt|Milan|Barcelona|Taipei|
Kandahar|Mosul|Aleppo|Homs|Idlib|Benghazi|Kharkiv|Odesa|Mariupol|Donetsk|Luhansk|Crimea|
Kashmir|Punjab|Gujarat|Kerala|Bihar|California|Texas|Florida|Ohio|Michigan|Virginia|Georgia|
Pennsylvania|Arizona|Nevada|Iowa|Alabama|Louisiana|Oregon|Colorado|Minnesota|Wisconsin|
Massachusetts|New Jersey|North Carolina|South Carolina|Tennessee|Kentucky|Missouri|Indiana|
Maryland|Oklahoma|Utah|Kansas|Alaska|Hawaii|Europe|Asia|Africa|Middle East|Latin America|
Gulf|Balkans|Scandinavia|West Bank|Golan Heights|Sinai|Siberia|Antarctica|Arctic|
Illinois|Connecticut|Delaware|Idaho|Maine|Mississippi|Montana|Nebraska|New Hampshire|
New Mexico|North Dakota|South Dakota|Rhode Island|Vermont|West Virginia|Wyoming|Arkansas|
Brooklyn|Queens|Manhattan|Bronx|Staten Island|Minneapolis|Portland|Las Vegas|Phoenix|
San Diego|San Jose|Baltimore|St. Louis|New Orleans|Pittsburgh|Cleveland|Cincinnati|Buffalo|
Rochester|Syracuse|Sacramento|Nashville|Memphis|Orlando|Tampa|Honolulu|Anchorage|
Salt Lake City|Kansas City|Milwaukee|Indianapolis|Oklahoma City|Albuquerque|Tucson|El Paso|
San Antonio|Fort Worth|Oakland|Long Island|North America|South America|Central America|
Caribbean|Western Hemisphere|North Atlantic|Pacific|Atlantic""".replace("\n", "")

# The AP's abbreviations of US states as datelines and "(R-Ky.)" print them;
# those that are also common words or other names (Md. and M.D., Va. and
# VA, Mass., Miss., La., Ind., Ga. and the country, Mo.) are left out.
STATE_ABBREVIATIONS = {
    "California": ["Calif."], "Texas": ["Tex."], "Florida": ["Fla."], "Michigan": ["Mich."],
    "Pennsylvania": ["Pa."], "Arizona": ["Ariz."], "Nevada": ["Nev."], "Alabama": ["Ala."],
    "Oregon": ["Ore."], "Colorado": ["Colo."], "Minnesota": ["Minn."], "Wisconsin": ["Wis."],
    "New Jersey": ["N.J."], "North Carolina": ["N.C."], "South Carolina": ["S.C."],
    "Tennessee": ["Tenn."], "Kentucky": ["Ky."], "Oklahoma": ["Okla."], "Kansas": ["Kan.", "Kans."],
    "Illinois": ["Ill."], "Connecticut": ["Conn."], "Delaware": ["Del."], "Nebraska": ["Neb."],
    "New Hampshire": ["N.H."], "New Mexico": ["N.M."], "North Dakota": ["N.D."],
    "South Dakota": ["S.D."], "Rhode Island": ["R.I."], "Vermont": ["Vt."],
    "West Virginia": ["W.Va."], "Wyoming": ["Wyo."], "Arkansas": ["Ark."], "Montana": ["Mont."],
}

ORGANIZATIONS = {
    "United Nations": ["UN", "U.N."],
    "European Union": ["EU", "E.U."],
    "North Atlantic Treaty Organization": ["NATO", "Nato"],
    "World Health Organization": ["WHO"],
    "International Monetary Fund": ["IMF"],
    "World Bank": [],
    "World Trade Organization": ["WTO"],
    "UNICEF": ["Unicef"],
    "UNHCR": ["UN refugee agency"],
    "Red Cross": ["ICRC", "International Committee of the Red Cross"],
    "Red Crescent": [],
    "African Union": ["AU"],
    "Arab League": [],
    "Association of Southeast Asian Nations": ["ASEAN", "Asean"],
    "Organization of the Petroleum Exporting Countries": ["OPEC", "Opec"],
    "Group of Seven": ["G7", "G-7"],
    "Group of Twenty": ["G20", "G-20"],
    "International Criminal Court": ["ICC"],
    "International Court of Justice": ["ICJ"],
    "Security Council": ["UN Security Council"],
    "Federal Bureau of Investigation": ["FBI"],
    "Central Intelligence Agency": ["CIA"],
    "Federal Reserve": ["Fed"],
    "Pentagon": [],
    "White House": [],
    "Kremlin": [],
    "Congress": [],
    "Senate": [],
    "House of Representatives": [],
    "Supreme Court": [],
    "Parliament": [],
    "Reuters": [],
    "Associated Press": ["AP"],
    "Agence France-Presse": ["AFP"],
    "BBC": [],
    "CNN": [],
    "Amnesty International": [],
    "Human Rights Watch": [],
    "Doctors Without Borders": ["MSF"],
    "Taliban": [],
    "Hamas": [],
    "Hezbollah": [],
    "Islamic State": ["ISIS", "ISIL"],
    "al-Qaeda": ["al Qaeda", "Al Qaeda", "al-Qaida"],
    "Al Jazeera": ["Al-Jazeera", "al-Jazeera", "Aljazeera"],
    "al-Shabaab": ["Al-Shabaab", "Al Shabaab", "al-Shabab", "Al-Shabab", "Al Shabab"],
    "Al Arabiya": ["Al-Arabiya", "al-Arabiya"],
    "al-Nusra Front": ["Nusra Front", "Al-Nusra Front", "Al Nusra Front", "Jabhat al-Nusra"],
    "Democratic Party": ["Democrats"],
    "Republican Party": ["Republicans", "GOP"],
    "Labour Party": ["Labour"],
    "Conservative Party": ["Conservatives", "Tories"],
    "Bharatiya Janata Party": ["BJP"],
    "Indian National Congress": [],
    "Google": [],
    "Apple": [],
    "Microsoft": [],
    "Amazon": [],
    "Facebook": ["Meta"],
    "Twitter": [],
}

def main():
    lines = []
    for country in sorted(pycountry.countries, key=lambda c: c.name):
        iso = country.name
        name = DISPLAY.get(iso, getattr(country, "common_name", iso))
        aliases = [a for a in [iso, getattr(country, "common_name", None)] if a and a != name]
        aliases += [a for a in COUNTRY_ALIASES.get(iso, []) if a != name]
        if name == "Türkiye":
            aliases = COUNTRY_ALIASES["Türkiye"]
        lines.append(f"place\t{name}\t{'|'.join(dict.fromkeys(aliases))}")
    for city in CITIES.split("|"):
        lines.append(f"place\t{city.strip()}\t{'|'.join(STATE_ABBREVIATIONS.get(city.strip(), []))}")
    for name, aliases in ORGANIZATIONS.items():
        lines.append(f"organization\t{name}\t{'|'.join(aliases)}")
    out = pathlib.Path(__file__).resolve().parent.parent / "crates/chorus/src/compare/gazetteer.tsv"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} entries -> {out}")

main()
