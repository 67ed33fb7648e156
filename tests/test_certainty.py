import pytest

from autodossier.extract.certainty import cues, source_of, status_for


def status(text, word):
    pos = text.index(word)
    return status_for(text, pos, cues(text), 0)


@pytest.mark.parametrize("text, word, expected", [
    ("The new M3 is expected to make 550 hp.", "550", "expected"),
    ("Rumour has it that the Supra will get a manual.", "manual", "rumored"),
    ("The engine could exceed 500 hp.", "500", "speculative"),
    ("According to Autocar, the car gets 400 hp.", "400", "reported"),
    ("BMW confirmed that the M3 would get all-wheel drive.", "all-wheel", "confirmed"),
    ("The Civic Type R makes 315 hp.", "315", "confirmed"),
    ("Honda has denied it will build a new NSX.", "NSX", "denied"),
    ("Will the Q60 make a comeback?", "comeback", "speculative"),
    ("According to data, only 2,792 were sold in 2020.", "2,792", "confirmed"),
    ("BMW M has ruled out a manual gearbox for the M5.", "manual", "confirmed"),
    ("Honda has ruled out the rumours of a new NSX.", "NSX", "denied"),
])
def test_status_from_governing_cue(text, word, expected):
    assert status(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # the maker's stated intention is its decision
    ("Ford intends to end Focus production in May.", "May", "confirmed"),
    # "going to" before a noun is motion, not the future
    ("The Polo was third, with 9,100 cars going to new owners.", "9,100", "confirmed"),
    ("The Polo is going to get a hybrid.", "hybrid", "expected"),
    # early counts are counts
    ("Preliminary figures show the Polo registered 9,100 sales.", "9,100", "confirmed"),
    # the writer's confident guess is an expectation
    ("The Polo will almost certainly get a 1.5-litre engine.", "1.5", "expected"),
    ("In all likelihood the Polo will get a 1.5-litre engine.", "1.5", "expected"),
    ("Look for the Polo to arrive with 200 hp.", "200", "expected"),
])
def test_status_of_intent_guess_and_counts(text, word, expected):
    assert status(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # a stated schedule is the maker's plan, as stated
    ("The Polo is scheduled to go on sale in August.", "August", "confirmed"),
    ("Scheduled for release in spring, the Polo gets 200 hp.", "spring", "confirmed"),
    ("The Polo is slated to go on sale in August.", "August", "expected"),
])
def test_schedule_is_stated_plan(text, word, expected):
    assert status(text, word) == expected


def status_in_clause(text, word, agents=()):
    from autodossier.extract.certainty import CLAUSE_BOUNDARY
    pos = text.index(word)
    start = max([m.end() for m in CLAUSE_BOUNDARY.finditer(text, 0, pos)], default=0)
    return status_for(text, pos, cues(text, agents), start)


@pytest.mark.parametrize("text, word, expected", [
    # a plain future stated by the writer is a statement of fact; a hedge word is not
    ("The new Leaf will go on sale in March.", "March", "confirmed"),
    ("The new Leaf is expected to go on sale in March.", "March", "expected"),
    # reported speech: "would" after a statement verb is the past of "will"
    ("Alfa said the current cars would remain in production.", "production", "confirmed"),
    ("It seemed that the brand would replace it with an EV.", "EV", "speculative"),
    # "no plans" and "not planned" state the maker's intent as fact; denial rebuts a report
    ("Lotus says it has no plans for a combustion version.", "combustion", "confirmed"),
    ("A plug-in hybrid is not planned.", "plug-in", "confirmed"),
    ("Nissan has denied reports that the GT-R will end.", "end", "denied"),
    # the maker's own officials speaking are no third-party report
    ("Managing director Jane Doe told Autocar the car will make 1000bhp.", "1000", "confirmed"),
    ("A source at the company told Electrek it will make 1000bhp.", "1000", "reported"),
    ("People familiar with the plans told Reuters it will make 1000bhp.", "1000", "reported"),
    # a verb's hedge stays in its clause; a trailing one does not reach back across a clause
    ("Honda is rumoured to be readying a new Civic, while the Prelude, which went on sale in Japan, may "
     "get more power.", "Japan", "confirmed"),
    ("Rumour has it that Honda is readying a Civic, while the Prelude gets more power.", "power", "rumored"),
    ("The R2 will get a 2.8-litre engine, while the R3 is not expected to come to Europe.", "2.8", "confirmed"),
    # an attribution frame outranks an event word that only looks like a confirmation
    ("According to Car and Driver, the M3 will make 700 hp when it is revealed next year.", "next year",
     "reported"),
])
def test_status_scope_and_speaker(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # the hedged subject's own words take the hedge after them, across an aside
    ("The new 300 hp engine, built in Hungary, is expected to arrive next year.", "300", "expected"),
    ("The new 300 hp engine is expected to arrive next year.", "300", "expected"),
    ("Once production starts, likely in 2027, the car goes to Europe.", "production", "expected"),
    # an aside, a fronted adjunct or an earlier clause describes what exists
    ("The Polo, with its 1.0-litre engine, is expected to stay on sale.", "1.0", "confirmed"),
    ("Building on its 1.0-litre Polo, VW is expected to launch a crossover.", "1.0", "confirmed"),
    ("The Polo has a 1.0-litre engine, so the crossover is expected to use it.", "1.0", "confirmed"),
    # a second conjunct hedges its own predicate
    ("Kia will launch the EV3 in Spain and plans to add dealers.", "Spain", "confirmed"),
    ("Kia will launch the EV3 in Spain and is expected to add dealers.", "Spain", "confirmed"),
    # a source named at the end still governs the whole sentence
    ("VW will build the Polo in Spain, two people told Reuters.", "Spain", "reported"),
])
def test_trailing_hedge_reach(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("It is a fine swap, in a way only Ford could manage: a Ranger with a 5.0-litre V8.", "5.0", "confirmed"),
    ("Shown in Turin – which meant nobody could drive it – the coupe has a 4.0-litre V8.", "4.0", "confirmed"),
    ("The coupe could be a hit: a 4.0-litre V8 and rear drive.", "4.0", "speculative"),
])
def test_modal_in_a_subordinate_clause_stays_there(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("The new car could cost $30,000, up from $27,500.", "27,500", "confirmed"),
    ("Prices may rise to $30,000 compared with $27,500 at present.", "27,500", "confirmed"),
    ("Prices may rise to $30,000 compared with $27,500 at present.", "30,000", "speculative"),
    ("The hybrid is currently expected to arrive in 2027.", "2027", "expected"),
    ("It would save money compared with developing a coupe.", "coupe", "speculative"),
])
def test_value_set_against_the_present_is_a_fact(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # the value's own clause hedges it, not an event word in the clause before
    ("Kia has revealed the EV2 – Spanish sales are expected to start in 2026.", "sales", "expected"),
    # a statement by the maker still governs what follows it
    ("Kia has announced that the EV2 is new, with UK sales due to begin in 2026.", "sales", "confirmed"),
])
def test_own_clause_hedge_over_earlier_event_word(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("After widely reported delays, the EV2 will reach Spain in 2026, Kia has confirmed.", "2026", "confirmed"),
    ("The EV2 is expected to reach Spain in 2026, Kia confirmed.", "2026", "expected"),
    ("The EV2 will reach Spain in 2026, though Kia has not announced it.", "2026", "confirmed"),
    ("The EV2 may reach Spain in 2026, though that is not yet announced.", "2026", "speculative"),
    ("The EV2 will reach Spain in 2026, people familiar with the plan confirmed.", "2026", "reported"),
])
def test_confirmation_closing_the_sentence(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("Morgan will source BMW's 3.0-litre six for the roadster.", "3.0", "confirmed"),
    ("Morgan sources its engines from BMW: a 3.0-litre six.", "3.0", "confirmed"),
    ("A source says the roadster gets a 3.0-litre six.", "3.0", "reported"),
    ("Sources close to Morgan say the roadster gets a 3.0-litre six.", "3.0", "reported"),
])
def test_source_as_a_verb_is_no_informant(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("The old coupe had a manual, and it could reach 100km/h in 5.1 seconds.", "5.1", "confirmed"),
    ("The new coupe could reach 100km/h in 4.1 seconds.", "4.1", "speculative"),
    ("No coupe has ever offered more, and it could reach 100km/h in 4.1 seconds.", "4.1", "speculative"),
    ("Were we to sell it, we could ask 40,000 euros.", "40,000", "speculative"),
    ("The old coupe made 200 hp, and the new one could make 240 hp.", "240", "speculative"),
    ("Ford could revive the coupe, which made 200 hp.", "200", "confirmed"),
])
def test_could_in_a_past_narrative_is_ability(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # a modal's hedge is answered by the contrast that follows it
    ("This might look odd, but the Swift gets a 1.2-litre engine.", "1.2", "confirmed"),
    ("This might look odd, and the Swift gets a 1.2-litre engine.", "1.2", "speculative"),
    # an earlier clause's hedge does not reach a clause told in the past
    ("The Swift is due to be replaced soon – the first one was discontinued in 2010.", "discontinued",
     "confirmed"),
    ("Rumour has it that the Swift was tested in Spain.", "Spain", "rumored"),
])
def test_contrast_and_past_clause_end_a_hedge(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("The cars in question are two large SUVs with 300 hp.", "300", "confirmed"),
    ("It is a question whether the SUV gets 300 hp.", "300", "speculative"),
    ("Autocar reported that the SUV would get 300 hp.", "300", "reported"),
    ("After announcing that it would return to Spain, Seat showed the SUV.", "Spain", "confirmed"),
])
def test_settled_question_and_reported_would(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("The plant will build 300,000 cars a year, the people said.", "300,000", "reported"),
    ("The plant will build 300,000 cars a year, according to a regulatory filing.", "300,000", "confirmed"),
    ("The company targets sales of 300,000 cars by 2026.", "2026", "expected"),
    ("The first deliveries are pencilled in for 2026.", "2026", "expected"),
])
def test_reuters_style_attribution_and_targets(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("Toyota has confirmed the GR86 will get 250 hp.", "250", "confirmed"),
    ("Toyota has not confirmed that the GR86 will get 250 hp.", "250", "speculative"),
    ("Nothing official is known, but the GR86 might get 250 hp.", "250", "speculative"),
    ("Pricing is yet to be announced, but the GR86 should cost $30,000.", "30,000", "expected"),
    ("The GR86 is understood to get 250 hp.", "250", "reported"),
    ("The GR86 will reportedly get 250 hp, though this is yet to be officially confirmed.", "250", "reported"),
])
def test_a_denied_confirmation_confirms_nothing(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("The base model had been slated to cost $39,000.", "39,000", "confirmed"),
    ("The base model had originally been expected to cost $39,000.", "39,000", "confirmed"),
    ("The base model is slated to cost $39,000.", "39,000", "expected"),
])
def test_a_plan_in_the_past_perfect_is_history(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("The Ranger Raptor, due to arrive in May, uses the usual 3.0-litre V6.", "3.0", "confirmed"),
    ("The Ranger Raptor, due to arrive in May, uses the usual 3.0-litre V6.", "May", "expected"),
    ("The Ranger Raptor, due to get a 3.0-litre V6, 400 hp and AWD, arrives in May.", "400", "expected"),
])
def test_hedge_in_an_aside_stays_there(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("Skoda has confirmed the Fabia will go electric, with the new car set to arrive in 2028.", "2028",
     "confirmed"),
    ("The Fabia gets a facelift, but it is thought that it will be dropped in 2028.", "2028", "rumored"),
])
def test_maker_statement_frame_and_thought(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("Skoda confirmed the Elroq RS is set to arrive in March.", "March", "confirmed"),
    ("Skoda confirmed the Elroq RS is likely to cost $70,000.", "70,000", "expected"),
    ("Skoda confirmed the Elroq RS would arrive in March.", "March", "confirmed"),
])
def test_maker_estimate_stays_an_expectation(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # the event word is the value's own position: to come, it confirms nothing
    ("The EV4 is expected to be revealed in 2026.", "revealed", "expected"),
    ("The EV4 will likely be launched in India in 2027.", "launched", "expected"),
    ("The EV4 could be officially unveiled in 2026.", "unveiled", "speculative"),
    ("The EV4 will be launched in India in 2027.", "launched", "confirmed"),
    # told as done, it still confirms
    ("The EV4, expected for months, was revealed in Seoul.", "Seoul", "confirmed"),
])
def test_event_to_come_is_no_confirmation(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # any hedge after the value in its clause reaches back to it
    ("A reveal is tipped for 2027.", "reveal", "rumored"),
    ("Toyota has not confirmed it, but a reveal is rumoured for 2027.", "reveal", "rumored"),
    ("The hybrid could arrive in 2027.", "hybrid", "speculative"),
    ("A launch in 2027 would reportedly follow.", "launch", "reported"),
    # not from inside an aside to the main clause's modal
    ("The Prelude, which went on sale in Japan, may get more power.", "Japan", "confirmed"),
])
def test_every_hedge_reaches_back_in_its_clause(text, word, expected):
    assert status_in_clause(text, word) == expected


@pytest.mark.parametrize("text, agent_word, expected", [
    ("According to Mazda president Jo Bloggs, the coupe will get 300 hp.", None, "confirmed"),
    ("According to the company's website, the coupe gets 300 hp.", None, "confirmed"),
    ("According to Mazda, the coupe gets 300 hp.", "Mazda", "confirmed"),
    ("According to Autocar, the coupe gets 300 hp.", None, "reported"),
    ("According to sources at the company, the coupe gets 300 hp.", None, "reported"),
    ("As per a racing game, the coupe gets 300 hp.", None, "reported"),
])
def test_according_to_the_maker_is_official(text, agent_word, expected):
    agents = [text.index(agent_word) + len(agent_word)] if agent_word else []
    assert status_in_clause(text, "300", agents) == expected


@pytest.mark.parametrize("text, agent_word, expected", [
    ("Lamborghini claims a 343km/h top speed.", "Lamborghini", "confirmed"),
    ("Lucid Group on Tuesday reported deliveries of 3,000 vehicles.", "Lucid", "confirmed"),
    ("The magazine claims a 343km/h top speed.", None, "reported"),
])
def test_reporting_verb_after_a_make_is_official(text, agent_word, expected):
    agents = [text.index(agent_word) + len(agent_word)] if agent_word else []
    assert status_in_clause(text, text.split()[-2], agents) == expected


@pytest.mark.parametrize("text, source", [
    ("According to Automotive News, the car is coming.", "Automotive News"),
    ("Speaking to Road & Track, the boss confirmed it.", "Road & Track"),
    ("The car is coming, per Motor1.", "Motor1"),
    ("The car is coming soon.", None),
])
def test_source_attribution(text, source):
    assert source_of(text) == source
