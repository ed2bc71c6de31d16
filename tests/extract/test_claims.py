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


def test_claims_unnamed_officials_are_anonymous_sources(run):
    # GOLD_FORMAT: unnamed officials, sources and spokespeople are "anonymous source"
    f = run("Norwegian officials said on Monday that the talks would resume in Oslo.")
    assert any(c.speaker == "anonymous source" and "talks would resume" in c.text for c in f.claims)


def test_claims_described_official_is_anonymous_not_the_office(run):
    f = run("One Kremlin official told reporters that no date had been fixed for the summit.")
    c = next(c for c in f.claims if "no date had been fixed" in c.text)
    assert c.speaker == "anonymous source"


def test_claims_officials_from_both_sides_are_no_source(run):
    f = run("Officials from both sides said the next round would take place in Muscat.")
    assert not f.claims


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


def test_claims_definite_org_description_resolves_to_named_org(run):
    f = run("Envoys of the Northern Defence Forces and the Coastal Liberation Front met in Lome. The army said in a "
            "statement that it expected the truce to hold.")
    assert ("Northern Defence Forces", "Paraphrase", "it expected the truce to hold") in claims(f)


def test_claims_statement_clause_hung_on_noun(run):
    f = run("The White House said in a statement that the discussions had been positive and constructive, "
            "and that the issues at stake were complicated.")
    c = next(c for c in f.claims if c.speaker == "White House")
    assert c.text.startswith("the discussions had been positive")


def test_claims_it_after_org_speaker_continues(run):
    f = run("Last week the Northern Defence Forces signed the accord. The army said that it hoped the accord would be "
            "respected, and it insisted that the militias must leave the hospitals.")
    assert ("Northern Defence Forces", "Paraphrase", "the militias must leave the hospitals") in claims(f)


def test_claims_welcome_with_plain_object_is_an_action(run):
    f = run("Foreign Minister Ana Lopez welcomed the delegations to Quito and welcomed the signing.")
    assert not f.claims


def test_claims_praise_with_object_stays_a_claim(run):
    f = run("President Ana Lopez praised Brazil's efforts to end the war.")
    assert [c.speaker for c in f.claims] == ["Ana Lopez"]


def test_claims_definite_official_continues_anonymous_source(run):
    f = run("A senior official told the BBC that the talks would resume. The official added that the two "
            "sides remained far apart on the border.")
    assert ("anonymous source", "Paraphrase", "the two sides remained far apart on the border") in claims(f)


def test_claims_he_added_continues_named_speaker(run):
    f = run("Envoy Mark Lee said the talks were useful. He added that a deal was near.")
    assert ("Mark Lee", "Paraphrase", "a deal was near") in claims(f)


def test_claims_said_to_have_warned_gives_subject_as_speaker(run):
    f = run("President Tom Hale met the envoys on Monday. He is also said to have warned that the tariffs "
            "could rise if the fighting went on.")
    c = next(c for c in f.claims if c.speaker == "Tom Hale")
    assert c.text == "the tariffs could rise if the fighting went on" and c.hedged


def test_claims_two_speakers_give_one_claim_each(run):
    f = run("The Lakeside rebel group, which Nairobi and United Nations experts say is armed by Uganda, "
            "seized two towns.")
    got = claims(f)
    assert ("Kenya", "Paraphrase", "Lakeside rebel group is armed by Uganda") in got
    assert ("United Nations", "Paraphrase", "Lakeside rebel group is armed by Uganda") in got


def test_claims_same_speaker_aside_inside_own_claim_is_not_repeated(run):
    f = run("Baku has said it will not sign until Armenia changes its constitution, which Azerbaijan says "
            "contains claims on its territory.")
    assert [c.speaker for c in f.claims] == ["Azerbaijan"]


def test_claims_multi_sentence_quote_then_inverted_title_speaker(run):
    f = run("US Secretary of State Mark Dalton met the Chilean delegation in Lima. “Trade is one part of it. "
            "The larger aim is a Chile that feels secure. Both teams want a result by Friday,” added "
            "the American minister.")
    c = next(c for c in f.claims if c.claim_type == "DirectQuote")
    assert c.speaker == "Mark Dalton" and c.text.startswith("Trade is one part of it.")


def test_claims_that_clause_after_time_phrase(run):
    f = run("President Tom Hale said ahead of the meeting that Norway would keep its troops in the north.")
    assert ("Tom Hale", "Paraphrase", "Norway would keep its troops in the north") in claims(f)


def test_claims_participle_after_relative_clause_keeps_its_speaker(run):
    f = run("On Monday, President Tom Hale met with Danish prime minister Karl Sorensen, who stressed Europe’s "
            "support for Norway, saying that only Norway could decide on its borders.")
    assert ("Karl Sorensen", "Paraphrase", "only Norway could decide on its borders") in claims(f)


def test_claims_heading_before_cut_furniture_is_its_own_sentence(nlp):
    import hashlib

    from kg.extract import extract
    from kg.model import Article, Span

    head = "Talks in Oslo stall over borders"
    menu = "\n\nMenu\n\nWorld\n\n"
    body = "The source, declining to be identified, added that the envoys were tired."
    text = head + menu + body
    art = Article(path="t", stem="t", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                  body=[Span(0, len(head)), Span(len(head) + len(menu), len(text))])
    f = extract(art, nlp)
    assert [(c.speaker, c.text) for c in f.claims] == [("anonymous source", "the envoys were tired")]


def test_claims_passive_report_with_subject_on_auxiliary(run):
    f = run("In Cairo, two conditions – a full withdrawal and a prisoner release – are most often cited by "
            "Egyptian President Abdel Fattah el-Sisi as the basis of any deal.")
    c = next(c for c in f.claims if c.speaker == "Abdel Fattah el-Sisi")
    assert c.text.startswith("two conditions – a full withdrawal")


def test_claims_demonstrative_pointer_is_not_a_claim(run):
    f = run("Still, those proposals are flatly rejected by Baku and its partners.")
    assert not f.claims


def test_claims_urged_them_to_gives_the_urged_action(run):
    f = run("Kenyan Foreign Minister Mark Dalton welcomed the delegations on the first day and urged them to "
            "put the interests of the people first.")
    assert claims(f) == [("Mark Dalton", "Paraphrase", "put the interests of the people first")]


def test_claims_the_commission_resolves_to_named_commission(run):
    f = run("Envoys of the African Union Commission met the rebels in Lome. The commission said in a "
            "statement that the border talks would resume in May.")
    assert [c.speaker for c in f.claims] == ["African Union Commission"]


def test_claims_country_ministry_without_named_org_speaks_for_country(run):
    f = run("Kenya's foreign ministry said in a statement that it remained committed to the truce.")
    assert [c.speaker for c in f.claims] == ["Ministry of Foreign Affairs (Kenya)"]  # a named ministry speaks


def test_claims_characterised_as(run):
    f = run("Finnish President Alexander Stubb characterised the meeting in Oslo as a useful first step.")
    assert any(c.speaker == "Alexander Stubb" and "useful first step" in c.text for c in f.claims)


def test_claims_conceded_that(run):
    f = run("Kenyan President William Ruto spoke in Nairobi. He conceded, though, that no deal on the border "
            "had been reached.")
    assert any(c.speaker == "William Ruto" and c.text.startswith("no deal on the border") for c in f.claims)


def test_claims_what_he_called_gives_the_named_thing(run):
    f = run("NATO Secretary General Mark Rutte criticised what he called a lack of urgency among the allies.")
    texts = [c.text for c in f.claims if c.speaker == "Mark Rutte"]
    assert len(texts) == 1 and "a lack of urgency among the allies" in texts[0]


def test_claims_voicing_hope_once_per_speaker(run):
    f = run("Norway and Iceland welcomed the accord, voicing hope that it would calm the fishing dispute.")
    speakers = {c.speaker for c in f.claims if c.text.startswith("it would calm the fishing dispute")}
    assert speakers == {"Norway", "Iceland"}


def test_claims_accused_of_keeps_the_charge(run):
    f = run("Peru accuses Chile of sheltering the rebel leaders in its northern provinces.")
    c = next(c for c in f.claims if c.speaker == "Peru")
    assert "sheltering the rebel leaders" in c.text


def test_claims_pressed_to_gives_what_was_asked(run):
    f = run('Turkish Foreign Minister Hakan Fidan pressed both delegations to "settle the prisoner question quickly".')
    c = next(c for c in f.claims if c.speaker == "Hakan Fidan")
    assert "settle the prisoner question quickly" in c.text


def test_claims_two_quotes_one_attribution_are_one_claim(run):
    f = run('Kenyan President William Ruto spoke in Nairobi. "The corridor will reopen," said Ruto, '
            '"and the traders will be paid."')
    texts = [c.text for c in f.claims if c.speaker == "William Ruto"]
    assert texts == ["The corridor will reopen ... and the traders will be paid"]


def test_claims_several_quoted_fragments_joined(run):
    f = run('Finnish President Alexander Stubb wrote that the envoys had held "a frank and long exchange", '
            'with "much" still "left to settle before the winter".')
    c = next(c for c in f.claims if c.speaker == "Alexander Stubb")
    assert c.text == "a frank and long exchange ... much ... left to settle before the winter"


def test_claims_mostly_paraphrase_keeps_the_clause(run):
    f = run('Finnish President Alexander Stubb said the border was "calm" although the army would stay '
            'on alert along the whole eastern frontier.')
    c = next(c for c in f.claims if c.speaker == "Alexander Stubb")
    assert c.claim_type == "PartialQuote" and c.text.startswith("the border was")


def test_claims_quote_running_into_next_paragraph(run):
    f = run('Finnish President Alexander Stubb spoke in Helsinki. He said the neighbours "must choose '
            'between talks and more years of war.\n\n"The moment for choosing is now."')
    c = next(c for c in f.claims if c.speaker == "Alexander Stubb")
    assert c.text.endswith("... The moment for choosing is now")


def test_claims_quote_cut_off_after_a_claim_keeps_the_speaker(run):
    f = run('Finnish President Alexander Stubb said the next round would be held in Geneva. '
            '"Before that round, we have agreed')
    assert any(c.speaker == "Alexander Stubb" and c.text == "Before that round, we have agreed" for c in f.claims)


def test_claims_block_quote_without_marks(run):
    f = run("Finnish President Alexander Stubb spoke after the talks.\n\n"
            "We came here to listen and we will return with answers. The ferry question is open for now,\n\n"
            "Stubb told reporters.\n")
    c = next(c for c in f.claims if c.speaker == "Alexander Stubb")
    assert c.claim_type == "DirectQuote" and c.text.startswith("We came here to listen")


def test_claims_list_after_colon_gives_one_claim_per_item(run):
    f = run("Finnish President Alexander Stubb set out two results of the meeting:\n\n"
            "→ both navies will share patrol schedules;\n\n→ the fishing quotas will be reviewed in May.\n")
    texts = [c.text for c in f.claims if c.speaker == "Alexander Stubb"]
    assert texts == ["both navies will share patrol schedules", "the fishing quotas will be reviewed in May"]


def test_claims_headline_repeat_is_one_claim(run):
    f = run("Stubb says the ferry line between the two ports will reopen in spring\n\n"
            "Finnish President Alexander Stubb said on Monday that the ferry line between the two ports "
            "will reopen in spring, after a year of closure.")
    assert len([c for c in f.claims if "ferry line" in c.text]) == 1


def test_claims_cited_as_saying_gives_the_one_cited(run):
    f = run("Finnish President Alexander Stubb was cited by Reuters as saying that the ferry talks would "
            "resume in May.")
    c = next(c for c in f.claims if "ferry talks would resume" in c.text)
    assert c.speaker == "Alexander Stubb"


def test_claims_citing_an_official_gives_an_anonymous_source(run):
    f = run("The envoy had left Geneva a day early to brief the cabinet, Reuters reported, citing a "
            "Finnish official.")
    c = next(c for c in f.claims if "left Geneva a day early" in c.text)
    assert c.speaker == "anonymous source" and c.via == "Reuters"


def test_claims_the_official_refers_back_to_an_unnamed_one(run):
    f = run("A senior Finnish official described the talks as difficult. The ferry deal moved forward "
            "once the ports agreed on fees, and in the last two days the talks sped up, according to the "
            "official.")
    c = next(c for c in f.claims if "ports agreed on fees" in c.text)
    assert c.speaker == "anonymous source" and "talks sped up" in c.text


def test_claims_the_top_diplomat_is_not_anonymous(run):
    f = run("Finnish Foreign Minister Elina Valtonen met her Swedish counterpart in Turku. The top Finnish "
            "diplomat said the ferry line would reopen.")
    assert not any(c.speaker == "anonymous source" for c in f.claims)


def test_claims_quote_after_reported_clause_joins_it(run):
    f = run('Finnish President Alexander Stubb said the border was open again, though the guards '
            '"will stay for the winter".')
    texts = [c.text for c in f.claims if c.speaker == "Alexander Stubb"]
    assert len(texts) == 1 and "will stay for the winter" in texts[0] and "border was open" in texts[0]


def test_claims_split_clause_is_one_claim(run):
    f = run("On Friday, Finnish President Alexander Stubb said that the ferry deal signed between the two "
            "ports represents a real step forward, one that helps both towns.")
    c = next(c for c in f.claims if c.speaker == "Alexander Stubb")
    assert "represents a real step forward" in c.text and c.text.startswith("the ferry deal")


def test_claims_according_to_an_outlet_inside_a_report_gives_no_claim(run):
    f = run("The Finnish foreign ministry said, according to Reuters, that Stubb and")
    assert not any(c.verb == "accord" for c in f.claims)


def test_claims_quote_right_after_the_clause_belongs_to_it(run):
    f = run('Finnish President Alexander Stubb explained that Turku was chosen for the talks “because the '
            'port is neutral ground and everyone can reach it easily.”')
    c = next(c for c in f.claims if c.speaker == "Alexander Stubb")
    assert "port is neutral ground" in c.text


def test_claims_quote_after_a_full_stop_is_not_the_clause(run):
    f = run('Finnish President Alexander Stubb stressed that his side had given ground on the fees.'
            '“We are ready,” he said.')
    texts = sorted(c.text for c in f.claims if c.speaker == "Alexander Stubb")
    assert texts == ["We are ready", "his side had given ground on the fees"]


def test_claims_leader_administration_speaks_for_the_country(run):
    f = run('Finland and Sweden held talks in Turku, where Finnish President Alexander Stubb met the envoys. '
            'The Stubb administration is reported to have voiced hope after the talks, pointing to "real progress on the ferry fees".')
    assert any(c.speaker == "Finland" and "real progress on the ferry fees" in c.text for c in f.claims)
