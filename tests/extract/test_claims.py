def claims(facts):
    return [(c.speaker, c.claim_type, c.text) for c in facts.claims]


def test_claims_reported_clause_without_that(run):
    f = run("Israeli Prime Minister Benjamin Netanyahu said that the hostages would be released within days.")
    assert ("Benjamin Netanyahu", "Paraphrase", "the hostages would be released within days") in claims(f)


def test_claims_quote_after_speaker_pronoun(run):
    f = run('Qatari mediator Mohammed Al-Khulaifi arrived in Cairo on Tuesday. "We are very close to a deal," '
            'he told reporters.')
    c = next(c for c in f.claims if c.claim_type == "DirectQuote")
    assert c.speaker == "Mohammed Al-Khulaifi" and c.text == "We are very close to a deal"
    assert f.article.text[c.evidence.start:c.evidence.end] == c.text


def test_claims_broken_quote_spacing(run):
    f = run('Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Abu Dhabi.'
            '"The border question is settled for now," Pashinyan wrote on Telegram.')
    c = next(c for c in f.claims if c.speaker == "Nikol Pashinyan")
    assert c.text == "The border question is settled for now" and c.channel == "Telegram"


def test_claims_partial_quote_keeps_quoted_words(run):
    f = run('US Trade Representative Jamieson Greer said there was still “a lot of ground to cover” in the talks.')
    c = next(c for c in f.claims if c.speaker == "Jamieson Greer")
    assert c.claim_type == "PartialQuote" and c.text == "a lot of ground to cover"


def test_claims_conjoined_speakers_give_two_claims(run):
    f = run("Scott Bessent and Li Chenggang both described the talks in Geneva as constructive.")
    speakers = {c.speaker for c in f.claims}
    assert {"Scott Bessent", "Li Chenggang"} <= speakers


def test_claims_anonymous_source_is_hedged(run):
    f = run("A source told CNN that the Sudanese army had accepted the truce proposal.")
    c = f.claims[0]
    assert c.speaker == "anonymous source" and c.hedged and c.via == "CNN"


def test_claims_according_to(run):
    f = run("More than 60,000 people have been killed in Gaza, according to the United Nations.")
    assert f.claims and f.claims[0].speaker == "United Nations"


def test_claims_capital_as_government(run):
    f = run("Baku insists that the corridor must stay open.")
    assert f.claims and f.claims[0].speaker == "Azerbaijan"


def test_claims_outlet_and_journalist_are_not_speakers(run):
    f = run("The talks in Doha will resume next week, Reuters reported. Correspondent Anna Berg writes "
            "that the mood is tense.")
    assert not f.claims


def test_claims_title_resolves_to_person(run):
    f = run('US Secretary of State Marco Rubio arrived in Riyadh. "We expect progress," the US secretary added.')
    assert any(c.speaker == "Marco Rubio" for c in f.claims)


def test_claims_only_body_and_offsets_into_full_text(nlp):
    import hashlib

    from kg.extract import extract
    from kg.model import Article, Span

    teaser = "Read also: Analyst Ivan Petrov says the truce will fail.\n"
    body = "Sudanese envoy Omar Siddiq said that the truce in Darfur was holding."
    text = teaser + body
    art = Article(path="t", stem="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                  body=[Span(len(teaser), len(text))])
    f = extract(art, nlp)
    assert [c.speaker for c in f.claims] == ["Omar Siddiq"]
    c = f.claims[0]
    assert text[c.evidence.start:c.evidence.end] == "the truce in Darfur was holding"
    assert "Ivan Petrov" not in {a.name for a in f.actors}


def test_claims_relative_pronoun_is_no_claim(run):
    f = run("Baku has said it will not sign until Yerevan changes its constitution, which Azerbaijan says "
            "contains claims on its land.")
    assert all(c.text.lower() not in ("which", "that") for c in f.claims)


def test_claims_quote_goes_to_pronoun_of_own_sentence(run):
    f = run("Trump said the summit went well. Sisi stressed that the truce had to hold. "
            "\"Egypt will keep working with its partners,\" he said. Egyptian President Abdel Fattah el-Sisi spoke last.")
    quote = next(c for c in f.claims if c.text.startswith("Egypt will"))
    assert quote.speaker == "Abdel Fattah el-Sisi"


def test_claims_indefinite_diplomat_is_anonymous(run):
    f = run("A diplomat familiar with the negotiations told Reuters that the talks would be decisive.")
    c = f.claims[0]
    assert c.speaker == "anonymous source" and c.via == "Reuters"


def test_claims_welcome_inside_told_clause_is_not_its_own_claim(run):
    f = run("Trump told reporters that he hoped to welcome the two presidents in Washington.")
    assert len(f.claims) == 1 and f.claims[0].speaker.endswith("Trump")


def test_claims_country_officials_speak_for_the_country(run):
    f = run("Norwegian officials said on Monday that the talks would resume in Oslo.")
    assert any(c.speaker == "Norway" and "talks would resume" in c.text for c in f.claims)


def test_claims_two_governments_speak_for_both_countries(run):
    f = run("Peru and Chile met in Lima. The two governments said they would meet again in March.")
    speakers = {c.speaker for c in f.claims if "meet again" in c.text}
    assert speakers == {"Peru", "Chile"}


def test_claims_reject_is_a_reporting_verb(run):
    f = run("Lima accused its neighbour of arming rebels. Santiago rejects the accusation.")
    assert any(c.speaker == "Chile" and "accusation" in c.text for c in f.claims)


def test_claims_called_x_y_with_outlet_via(run):
    f = run("Foreign Minister Anna Berg called the meeting a useful first step, according to Reuters.")
    c = next(c for c in f.claims if c.speaker == "Anna Berg")
    assert "useful first step" in c.text and c.via == "Reuters"


def test_claims_stressed_and_insisted_are_two_claims(run):
    f = run("Foreign Minister Anna Berg stressed that any deal would need a vote in parliament and insisted "
            "that the border would stay open.")
    texts = [c.text for c in f.claims if c.speaker == "Anna Berg"]
    assert any("vote in parliament" in t for t in texts) and any("border would stay open" in t for t in texts)
    assert not any("vote in parliament" in t and "border" in t for t in texts)


def test_claims_welcome_with_participle_is_an_action(run):
    f = run("Prime Minister Anna Berg welcomed the progress on Sunday, writing that the talks had gone well.")
    texts = [c.text for c in f.claims]
    assert not any("welcomed the progress" in t for t in texts)
    assert any("talks had gone well" in t for t in texts)


def test_claims_bare_feeling_is_not_a_claim(run):
    f = run("Norwegian officials expressed outrage after the vote.")
    assert f.claims == []
