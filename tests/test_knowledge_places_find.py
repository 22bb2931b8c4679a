"""Gazetteer.find: place mentions in Arabic sentences, resolved with the sentence as context."""
from __future__ import annotations

import pytest

from rasd.knowledge.geo import haversine_km
from rasd.knowledge.places import Gazetteer
from rasd.model import Mention
from rasd.sentences import split_sentences
from rasd.tokenize import tokenize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def find(gaz: Gazetteer, text: str) -> list[Mention]:
    sentences = split_sentences(text)
    return gaz.find(text, sentences, tokenize(text, sentences))


def only(mentions: list[Mention], surface: str) -> Mention:
    hits = [m for m in mentions if m.text == surface]
    assert len(hits) == 1, [(m.text, m.place.id if m.place else None) for m in mentions]
    return hits[0]


def near(m: Mention, lat: float, lon: float, km: float = 50.0) -> bool:
    assert m.place is not None and m.place.lat is not None and m.place.lon is not None
    return haversine_km(m.place.lat, m.place.lon, lat, lon) <= km


@pytest.mark.parametrize("text, surface, lat, lon", [
    ("قصفت الطائرات مواقع بمدينة درنة الليبية.", "درنة", 32.76, 22.64),         # ب + trigger + nisba
    ("تقع درنه على ساحل البحر.", "درنه", 32.76, 22.64),                         # ه for ة
    ("وصل الوفد إلى إدلب أمس.", "إدلب", 35.93, 36.63),                          # hamza on alef
    ("وصل الوفد إلى ادلب أمس.", "ادلب", 35.93, 36.63),                           # bare alef
    ("قال مسؤول فبغداد لن تقبل بذلك.", "بغداد", 33.34, 44.40),                   # ف
    ("اجتمع الوزراء في القاهرة والرياض.", "الرياض", 24.69, 46.72),              # و + article
    ("فر السكان إلى بنغازى.", "بنغازى", 32.12, 20.07),                           # ى for ي
    ("اشتباكات في دير الزور والبوكمال.", "دير الزور", 35.34, 40.14),            # two words
    ("اشتباكات في دير الزور والبوكمال.", "البوكمال", 34.45, 40.92),
    ("وصلت القوات إلى الخرطوم بحري صباحا.", "الخرطوم بحري", 15.65, 32.53),     # longest name wins
    ("وصلت المساعدات لمخيم جباليا.", "مخيم جباليا", 31.53, 34.48),  # a camp by its name
    ("توغلت القوات في بيت حانون.", "بيت حانون", 31.54, 34.54),
    ("قتل مدنيون في الفاشر بشمال دارفور.", "الفاشر", 13.63, 25.35),
    ("انفجرت عبوة قرب غاو.", "غاو", 16.27, -0.04),
    ("فجرت حركة الشباب سيارة في مقديشو.", "مقديشو", 2.04, 45.34),
])
def test_towns_are_found_through_clitics_and_spelling_variants(gaz, text, surface, lat, lon):
    m = only(find(gaz, text), surface)
    assert m.label == "LOC"
    assert m.place.precision == "city"
    assert near(m, lat, lon)


@pytest.mark.parametrize("text, surface, iso3", [
    ("وصل الوفد لليبيا قادما من روما.", "ليبيا", "LBY"),     # ل before a name without the article
    ("قال إن الوضع في العراق مستقر.", "العراق", "IRQ"),
    ("قال إن الوضع بالعراق مستقر.", "العراق", "IRQ"),          # ب + article
    ("اتفق الطرفان والسودان على التهدئة.", "السودان", "SDN"),
    ("سيزور الرئيس سوريا وسورية قريبا.", "سورية", "SYR"),      # both spellings
    ("أعلنت الولايات المتحدة فرض عقوبات.", "الولايات المتحدة", "USA"),
    ("يعيش اللاجئون في مخيمات داخل كينيا.", "كينيا", "KEN"),
    ("دعت سلطنة عمان إلى الحوار.", "سلطنة عمان", "OMN"),
])
def test_countries_resolve_to_the_country_place(gaz, text, surface, iso3):
    m = only(find(gaz, text), surface)
    assert m.label == "GPE"
    assert m.place.id == iso3 and m.place.precision == "country" and m.place.country == iso3


@pytest.mark.parametrize("text, surface, country", [
    # the document's other places settle a shared name
    ("تظاهر المئات في طرابلس بعد اجتماع في بيروت.", "طرابلس", "LBN"),
    ("تظاهر المئات في طرابلس بعد اجتماع في مصراتة.", "طرابلس", "LBY"),
    ("شهدت طرابلس اللبنانية احتجاجات.", "طرابلس", "LBN"),            # a nisba after the name
    ("التقى العاهل الأردني في عمان وفدا أمريكيا.", "عمان", "JOR"),    # the nisba of the sentence
    ("سيطر الحوثيون على محافظة الجوف شمال اليمن.", "الجوف", "YEM"),
    ("وصلت قافلة إلى الجوف قرب الكفرة في ليبيا.", "الجوف", "LBY"),
    # then population: a village does not outweigh a capital
    ("اجتمع الوزراء في القاهرة والرياض وبغداد.", "الرياض", "SAU"),
    ("وصل الوفد إلى طرابلس.", "طرابلس", "LBY"),
])
def test_ambiguous_names_follow_the_document(gaz, text, surface, country):
    assert only(find(gaz, text), surface).place.country == country


@pytest.mark.parametrize("text, surface, place_id, label", [
    ("اشتباكات في محافظة إدلب شمال غربي سوريا.", "إدلب", "SYR:A1:IDLIB", "GPE"),  # division after محافظة
    ("اشتباكات في إدلب شمال غربي سوريا.", "إدلب", "SYR:IDLIB", "LOC"),            # the city otherwise
    ("وصلت القوات إلى ولاية الخرطوم.", "الخرطوم", "SDN:A1:KHARTOUM", "GPE"),
    ("دخل الجيش تونس العاصمة.", "تونس العاصمة", "gn:2464470", "LOC"),              # the capital, not the state
    ("عقدت الحكومة اجتماعها في الجزائر العاصمة.", "الجزائر العاصمة", "gn:2507480", "LOC"),
    ("قتل جنديان في شمال سيناء.", "شمال سيناء", "EGY:A1:NORTH_SINAI", "GPE"),
    ("تزايدت الهجمات في الساحل الأفريقي.", "الساحل الأفريقي", "REGION:SAHEL", "LOC"),
    ("هبطت طائرة في مطار معيتيقة.", "مطار معيتيقة", "LBY:MITIGA", "FAC"),  # a facility by its name
    ("عبرت الشاحنات معبر رأس جدير.", "معبر رأس جدير", "LBY:RAS_JEDIR", "FAC"),
    ("أغلقت السلطات رأس جدير.", "رأس جدير", "LBY:RAS_JEDIR", "FAC"),
])
def test_triggers_choose_the_kind_of_place(gaz, text, surface, place_id, label):
    m = only(find(gaz, text), surface)
    assert (m.place.id, m.label) == (place_id, label)


@pytest.mark.parametrize("text, surface, country, lat, lon", [
    ("تجددت الاشتباكات في جنوب ليبيا.", "جنوب ليبيا", "LBY", 26.0, 14.0),
    ("تقع درنة شرق ليبيا.", "شرق ليبيا", "LBY", 30.5, 21.5),
    ("قتل جنود في الشمال السوري.", "الشمال السوري", "SYR", 36.3, 37.5),
    ("نفذت الطائرات غارات شمال شرقي سوريا.", "شمال شرقي سوريا", "SYR", 35.6, 38.9),
    ("هاجم مسلحون بنغازي في ليبيا ثم انسحبوا إلى شرق البلاد.", "شرق البلاد", "LBY", 30.5, 21.5),
    ("قال مسؤول عراقي إن الهدوء عاد إلى بغداد وجنوب البلاد.", "جنوب البلاد", "IRQ", 31.0, 46.5),
])
def test_directions_name_a_part_of_the_country(gaz, text, surface, country, lat, lon):
    m = only(find(gaz, text), surface)
    assert m.place.country == country
    assert m.place.precision in ("region", "admin1")
    assert near(m, lat, lon, km=300)


def test_lands_with_nisbas_are_the_countries(gaz):
    ms = find(gaz, "وسعت التنظيمات عملياتها في الأراضي المصرية والتونسية والجزائرية.")
    assert [(m.text, m.place.id) for m in ms] == [
        ("الأراضي المصرية", "EGY"), ("التونسية", "TUN"), ("الجزائرية", "DZA")]


def test_an_unknown_suburb_takes_the_town_it_lies_in(gaz):
    text = "سقطت قذيفة على قرية كفرومة الواقعة في ريف إدلب."
    m = only(find(gaz, text), "كفرومة")
    assert m.place.name_ar == "إدلب" or m.place.country == "SYR"
    assert near(m, 35.8, 36.6, km=60)


def test_an_unknown_place_is_offset_from_the_distance_and_direction(gaz):
    text = "هاجم مسلحون ضاحية السلام الواقعة في بلدة الخالصية (100 كلم شمال شرقي بغداد)."
    ms = find(gaz, text)
    town, suburb = only(ms, "الخالصية"), only(ms, "السلام")
    # 100 km north-east of Baghdad (33.34, 44.40)
    assert 95 <= haversine_km(town.place.lat, town.place.lon, 33.34, 44.40) <= 105
    assert town.place.lat > 33.34 and town.place.lon > 44.40
    assert suburb.place.lat == town.place.lat and suburb.place.name_ar == "السلام"
    assert only(ms, "بغداد").place.id == "gn:98182"


@pytest.mark.parametrize("text", [
    "نشرت الوكالة صور الدمار أمس بعد ساعات من الهجوم.",     # صور, أمس, بعد
    "قال جمال إن الخبراء ناقشوا بيان الحكومة.",             # person names and common nouns
    "أكد الرئيس أن الدعم المالي سيستمر.",                    # مالي inside المالي
    "تحدث الوزير عن المنتجات الجديدة والأمل في التعافي.",
    "استقبلت الكويت وفدا من رجال الأعمال.",                  # و + short town name
    "هدم الاحتلال منازل بحجة البناء دون ترخيص.",
    "حذرت الأرصاد من سيول في الأيام المقبلة.",
    "أدانت موسكو الضربات الغربية.",
    "عبر المسؤول عن قلقه من تدهور الأوضاع في المنطقة.",
])
def test_common_words_are_not_places(gaz, text):
    allowed = {"الكويت", "موسكو"}
    assert [m.text for m in find(gaz, text) if m.text not in allowed] == []


@pytest.mark.parametrize("text, surface", [
    ("شارك الآلاف في مسيرة بمدينة صور جنوب لبنان.", "صور"),     # a trigger lifts the stoplist
    ("اشتباكات في حديثة والقائم.", "القائم"),                 # listed with another place
    ("تحرك الجيش نحو مالي والنيجر.", "مالي"),                # a preposition is enough for Mali
])
def test_common_word_names_count_with_a_cue(gaz, text, surface):
    assert only(find(gaz, text), surface).place is not None


def test_spans_point_into_the_original_text(gaz):
    text = "قصفت الطائراتُ مواقعَ بمدينةِ درنةَ الليبيةِ وبالعراقِ."
    for m in find(gaz, text):
        assert text[m.start:m.end] == m.text
    assert {m.text for m in find(gaz, text)} == {"درنةَ", "العراقِ"}


def test_find_works_without_tokens(gaz):
    text = "وصل الوفد إلى بنغازي ثم إلى طبرق."
    assert [m.text for m in gaz.find(text)] == ["بنغازي", "طبرق"]


@pytest.mark.parametrize("text, surface, expected", [
    ("أصدرت وزارة الخارجية السعودية بيانا.", "السعودية", None),        # the adjective of a definite noun
    ("قالت السلطات السعودية إنها تحقق.", "السعودية", None),
    ("غادر السعودية قبل عام.", "السعودية", "SAU"),                     # after a verb: the country
    ("قال إن مستقبل السعودية واعد.", "السعودية", "SAU"),
    ("وصل الوفد إلى السعودية.", "السعودية", "SAU"),
    ("تراجع أداء القطاع الدفاعي هذا العام.", "القطاع", None),           # "the sector"
    ("قصفت الطائرات غزة وشنت غارات في أنحاء القطاع.", "القطاع", "PSE:A1:GAZA_STRIP"),
    ("قالت قناة الجزيرة القطرية إن الشرطة وصلت.", "الجزيرة", None),     # a nisba of another country
    ("تعرضت المنشأة السورية للقصف.", "المنشأة", None),
    ("دخلت قوات الدعم السريع ولاية الجزيرة.", "ولاية الجزيرة", "SDN:A1:GEZIRA"),  # kept whole
])
def test_names_that_are_also_adjectives_or_nouns(gaz, text, surface, expected):
    hits = [m for m in find(gaz, text) if m.text == surface]
    assert [m.place.id for m in hits] == ([expected] if expected else [])


@pytest.mark.parametrize("text, surface, lat, lon, country", [
    # a quarter named like a town of another country lies in the town the sentence gives
    ("قصفت الطائرات مواقع في حي الساحل الشرقي بمدينة درنة.", "الساحل", 32.76, 22.64, "LBY"),
    # a city of the same country as the place after it keeps its own coordinates
    ("قتل شخصان في مدينة الرياض بالسعودية.", "الرياض", 24.69, 46.72, "SAU"),
])
def test_a_named_quarter_lies_in_the_town_after_it(gaz, text, surface, lat, lon, country):
    m = only(find(gaz, text), surface)
    assert m.place is not None and m.place.country == country and near(m, lat, lon)
