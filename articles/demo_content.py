"""Original fictional demo content for the Newsroom site: sections, people and articles."""

SECTIONS = [
    {
        "slug": "middle-east",
        "title": "Middle East",
        "intro": (
            "Reporting from the Zerqan valley and the capitals of Sahlan and Qadira, where a "
            "fragile truce, a humanitarian corridor and an international monitoring mission are "
            "being tested."
        ),
    },
    {
        "slug": "diplomacy",
        "title": "Diplomacy",
        "intro": (
            "Negotiations, envoys and votes: coverage of the talks over the Marren Strait, the "
            "Assembly of Nations and the regional bodies that try to keep disputes from becoming "
            "wars."
        ),
    },
    {
        "slug": "opinion",
        "title": "Opinion",
        "intro": (
            "Analysis and argument from former mediators and security specialists. Columns reflect "
            "the views of their authors."
        ),
    },
]

AUTHORS = [
    {
        "slug": "lena-okafor",
        "name": "Lena Okafor",
        "bio": (
            "Lena Okafor is Newsroom's diplomatic correspondent. She has covered the Marren Strait "
            "dispute from Castellan, Dura Kessar and Ostrava Nova since the first naval clashes."
        ),
    },
    {
        "slug": "marco-bellandi",
        "name": "Marco Bellandi",
        "bio": (
            "Marco Bellandi is Newsroom's Middle East correspondent, based in Nahr Tamir. He "
            "reports on the Zerqan valley, humanitarian access and the talks in Sefra."
        ),
    },
    {
        "slug": "priya-sethuraman",
        "name": "Priya Sethuraman",
        "bio": (
            "Priya Sethuraman covers the Assembly of Nations and the Regional Security Council "
            "from Halvern, with a focus on sanctions and peace operations."
        ),
    },
    {
        "slug": "jonas-ekdahl",
        "name": "Jonas Ekdahl",
        "bio": (
            "Jonas Ekdahl is a columnist and former mediator who spent fifteen years working on "
            "ceasefire negotiations for regional organisations."
        ),
    },
    {
        "slug": "ruth-adeyemi",
        "name": "Ruth Adeyemi",
        "bio": (
            "Ruth Adeyemi is a columnist and security analyst who writes about sanctions, "
            "deterrence and the institutions that manage international crises."
        ),
    },
]

PEOPLE = [
    {
        "slug": "amara-veldt",
        "name": "Amara Veldt",
        "role": "Special Envoy for the Marren Strait",
        "organisation": "Coastal States Forum",
        "bio": (
            "A former harbour-master turned diplomat, Veldt was appointed the Forum's envoy after "
            "the spring clashes in the strait. She led the mediation that produced the Ostrava "
            "Nova arrangement."
        ),
    },
    {
        "slug": "tomas-reyvik",
        "name": "Tomas Reyvik",
        "role": "Foreign Minister",
        "organisation": "Republic of Varenia",
        "bio": (
            "Reyvik has served as Varenia's foreign minister since 2024. He previously chaired the "
            "foreign affairs committee of the Varenian parliament."
        ),
    },
    {
        "slug": "ilya-saren",
        "name": "Ilya Saren",
        "role": "Deputy Foreign Minister",
        "organisation": "Kessar Federation",
        "bio": (
            "Saren is a career diplomat who leads the Kessar Federation's delegation in talks over "
            "the Marren Strait. He was previously ambassador to the Assembly of Nations."
        ),
    },
    {
        "slug": "henrik-dalmau",
        "name": "Henrik Dalmau",
        "role": "President of the 41st General Session",
        "organisation": "Assembly of Nations",
        "bio": (
            "Dalmau, a former foreign minister of the Alpine Commonwealth, was elected to preside "
            "over the Assembly's 41st general session in June 2026."
        ),
    },
    {
        "slug": "nadia-haddar",
        "name": "Nadia Haddar",
        "role": "Head of Mission",
        "organisation": "Zerqan Border Monitoring Mission",
        "bio": (
            "Haddar leads the unarmed observer mission on the border between Sahlan and Qadira. "
            "She previously directed civilian monitoring operations for the Regional Security "
            "Council."
        ),
    },
    {
        "slug": "samir-othani",
        "name": "Samir Othani",
        "role": "Foreign Minister",
        "organisation": "Republic of Sahlan",
        "bio": (
            "Othani has been Sahlan's foreign minister since 2025 and represents his government in "
            "the indirect talks with Qadira hosted in Sefra."
        ),
    },
    {
        "slug": "rashid-tamimi",
        "name": "Rashid Tamimi",
        "role": "Chief Negotiator",
        "organisation": "Emirate of Qadira",
        "bio": (
            "Tamimi, a former interior ministry official, heads the Qadiri delegation in the Sefra "
            "talks and negotiated the terms of the Beit Arwa corridor."
        ),
    },
    {
        "slug": "leila-marzouk",
        "name": "Leila Marzouk",
        "role": "Regional Director",
        "organisation": "Concord Relief Agency",
        "bio": (
            "Marzouk oversees the Concord Relief Agency's operations in the Zerqan valley and has "
            "supervised detainee releases in several regional disputes."
        ),
    },
]

ARTICLES = [
    {
        "slug": "envoy-veldt-arrives-in-castellan-for-strait-talks",
        "section": "diplomacy",
        "title": "Coastal States envoy arrives in Castellan to press for Marren Strait talks",
        "lead": (
            "Amara Veldt, the Coastal States Forum's special envoy, began a three-day visit to the "
            "Varenian capital on Thursday, seeking commitments that could bring Varenia and the "
            "Kessar Federation to the negotiating table."
        ),
        "published": "2026-09-03T08:15:00",
        "updated": None,
        "authors": ["lena-okafor"],
        "topics": ["Marren Strait", "Varenia", "mediation"],
        "image": {
            "alt": "A small white passenger jet standing on a wet runway beneath low grey cloud",
            "caption": (
                "The envoy's aircraft on the apron at Castellan airport on Thursday morning."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#2b3a4a", "#9fb3c8"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Amara Veldt, the special envoy of the Coastal States Forum, arrived in "
                    "Castellan on Thursday morning for talks with Varenian officials, the first "
                    "visit by a senior regional mediator since naval clashes in the Marren Strait "
                    "killed eleven sailors in May. Her office said in a <a "
                    'href="https://coastalstates.example.org/statements/2026-09-03-envoy-'
                    "travel\">brief statement</a> that the visit was intended to 'test the ground' "
                    "for direct negotiations with the Kessar Federation.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Veldt was met at the airport by senior officials from the Varenian foreign "
                    "ministry and was expected to see Foreign Minister Tomas Reyvik later in the "
                    "day. Diplomats familiar with the schedule said she would also meet commanders "
                    "of the Varenian coast guard and representatives of fishing communities along "
                    "the southern shore, whose boats have been largely confined to port since the "
                    "spring.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nobody in this region benefits from a strait where every fishing boat is "
                        "treated as a potential threat. I am here to listen first, and to find out "
                        "what each side would need in order to sit in the same room."
                    ),
                    "person": "amara-veldt",
                },
            ),
            ("heading", "A narrow opening"),
            (
                "paragraph",
                (
                    "<p>The visit follows weeks of quiet contacts between Castellan and Dura "
                    "Kessar, the Kessari capital, through intermediaries in the neutral port city "
                    "of Ostrava Nova. Both governments have publicly insisted that they will not "
                    "negotiate under pressure, but neither has ruled out talks, and a <a "
                    'href="https://mfa-varenia.example.org/transcripts/2026-08-28-press-'
                    'briefing">transcript of a Varenian briefing</a> last week showed officials '
                    "softening their earlier conditions.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Varenia has always preferred the negotiating table to the patrol boat. If "
                        "the Kessar Federation is ready to discuss a verifiable halt to incidents "
                        "at sea, we will not be the ones who walk away."
                    ),
                    "person": "tomas-reyvik",
                },
            ),
            ("read_more", "ceasefire-holds-after-talks-in-ostrava-nova"),
            (
                "paragraph",
                (
                    "<p>The Kessar Federation's foreign ministry did not respond to requests for "
                    "comment on Thursday. In a statement issued on Monday, it said it 'welcomed "
                    "any constructive regional effort' but repeated its position that Varenian "
                    "patrols in the eastern shipping lanes were a violation of Kessari waters, a "
                    "claim Castellan rejects.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Analysts said the envoy's immediate aim was modest: an agreement to "
                    "restore a hotline between the two navies that was suspended in May, and a "
                    "pause in patrols in the most contested section of the strait. A <a "
                    'href="https://example.com/research/marren-strait-incident-log">log compiled '
                    "by an independent maritime research group</a> recorded 37 close encounters "
                    "between the two navies between March and August.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Every week the boats stay in harbour, another family falls behind on its "
                        "loans. We are not asking for politics. We are asking to be allowed to "
                        "fish."
                    ),
                    "speaker": "Danil Orsk",
                    "role": "Chair",
                    "organisation": "Southern Shore Fishers' Cooperative",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Veldt is scheduled to travel on to Dura Kessar on Sunday for meetings with "
                    "Kessari officials, including Deputy Foreign Minister Ilya Saren. Forum "
                    "officials said a decision on whether to convene formal talks would be made "
                    "after both visits, possibly within a fortnight, and that Ostrava Nova "
                    "remained the most likely venue.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "monitors-deploy-along-zerqan-border",
        "section": "middle-east",
        "title": "International monitors begin patrols along the Zerqan border",
        "lead": (
            "The first teams of the Zerqan Border Monitoring Mission began patrolling the frontier "
            "between Sahlan and Qadira on Tuesday, three months after fighting in the valley "
            "displaced tens of thousands of people on both sides."
        ),
        "published": "2026-09-08T07:40:00",
        "updated": None,
        "authors": ["marco-bellandi"],
        "topics": ["border monitoring", "Zerqan", "Sahlan", "Qadira"],
        "image": {
            "alt": (
                "Two white four-wheel-drive vehicles on a dirt track crossing a dry valley at "
                "sunrise"
            ),
            "caption": (
                "Observers set out on one of the mission's first patrols in the Zerqan valley."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#c97b3d", "#3d4f5c"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Unarmed international monitors began patrolling the border between the "
                    "Republic of Sahlan and the Emirate of Qadira on Tuesday, the first deployment "
                    "of the Zerqan Border Monitoring Mission since it was authorised by the "
                    "Assembly of Nations in July. Four teams of six observers set out from a "
                    "temporary base outside the Sahlani town of Tel Harun, according to a <a "
                    'href="https://zbmm.example.org/updates/2026-09-08-first-patrols">mission '
                    "update</a>.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The mission is expected to reach its full strength of 120 observers by the "
                    "end of October. Its mandate is to record violations of the truce agreed in "
                    "June, investigate reports of shelling and incursions, and publish its "
                    "findings every two weeks. It has no authority to enforce the truce, and its "
                    "monitors do not carry weapons.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Our job is to see clearly and to report honestly. We are not here to take "
                        "sides, and we will publish what we find whether it is comfortable for one "
                        "government, for both, or for neither."
                    ),
                    "person": "nadia-haddar",
                },
            ),
            ("heading", "Valley remains tense"),
            (
                "paragraph",
                (
                    "<p>The Zerqan valley, a fertile strip of farmland straddling the border, was "
                    "the scene of heavy fighting in May and June after a dispute over irrigation "
                    "works escalated into artillery exchanges. Residents of villages on both sides "
                    "say sporadic gunfire has continued at night despite the truce, and many "
                    "farmers have not returned to their fields.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Sahlan welcomed these monitors because we have nothing to hide. We expect "
                        "that their reports will show the world where the truce is being respected "
                        "and where it is not."
                    ),
                    "person": "samir-othani",
                },
            ),
            ("read_more", "envoy-veldt-arrives-in-castellan-for-strait-talks"),
            (
                "paragraph",
                (
                    "<p>Qadiri officials have been more guarded. The emirate accepted the mission "
                    "under pressure from its neighbours but has objected to monitors operating "
                    "within three kilometres of its military positions. Rashid Tamimi, Qadira's "
                    "chief negotiator, said in a <a "
                    'href="https://qadira-mofa.example.org/statements/2026-09-07-monitoring-'
                    "mission\">statement on Monday</a> that the emirate would cooperate 'within "
                    "the agreed terms and not beyond them'.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The Emirate of Qadira honours its commitments. We will give the monitors "
                        "the access the agreement provides, and we expect the same discipline from "
                        "the other side of the valley."
                    ),
                    "person": "rashid-tamimi",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Humanitarian groups said the deployment could help displaced families "
                    "decide whether it is safe to return. The Concord Relief Agency estimates that "
                    "about 60,000 people remain in temporary shelters on the Sahlani side and a "
                    "similar number in Qadira, many of them in and around the town of Beit Arwa, "
                    "which has been cut off from regular supplies since June.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "humanitarian-corridor-opens-to-beit-arwa",
        "section": "middle-east",
        "title": "First aid convoy reaches Beit Arwa as humanitarian corridor opens",
        "lead": (
            "Nineteen lorries carrying food, medicine and fuel reached the cut-off town of Beit "
            "Arwa on Wednesday, the first convoy to use a humanitarian corridor agreed between "
            "Sahlan and Qadira under pressure from regional mediators."
        ),
        "published": "2026-09-16T10:05:00",
        "updated": None,
        "authors": ["marco-bellandi"],
        "topics": ["humanitarian corridor", "Beit Arwa", "Qadira"],
        "image": {
            "alt": "A line of cargo lorries waiting on a hillside road lined with low stone walls",
            "caption": (
                "The first convoy approaches Beit Arwa after crossing at Zerqan on Wednesday."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#d9a441", "#5a3e2b"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>A convoy of 19 lorries reached the town of Beit Arwa on Wednesday morning, "
                    "the first delivery of aid through a humanitarian corridor that opened at dawn "
                    "under an arrangement between the governments of Sahlan and Qadira. The "
                    "convoy, organised by the Concord Relief Agency, carried flour, infant "
                    "formula, medical supplies and diesel for the town's only functioning "
                    "hospital, according to an <a "
                    'href="https://concordrelief.example.org/updates/2026-09-16-beit-arwa-'
                    'convoy">agency update</a>.</p>'
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Beit Arwa, a market town of about 45,000 people on the Qadiri side of the "
                    "Zerqan valley, has been largely cut off since June, when fighting closed the "
                    "main road from the provincial capital. Residents have relied on irregular "
                    "deliveries carried over mountain tracks, and the town's hospital has been "
                    "operating on generators for several weeks.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Today's convoy is a beginning, not a solution. Beit Arwa needs at least "
                        "forty lorries a day to meet basic needs, and it needs them every day, not "
                        "only when the politics allow."
                    ),
                    "person": "leila-marzouk",
                },
            ),
            ("heading", "Terms of the corridor"),
            (
                "paragraph",
                (
                    "<p>Under the arrangement, the corridor is open from six in the morning until "
                    "four in the afternoon, and convoys must be inspected at the Zerqan crossing "
                    "by officials from both governments. The terms were set out in a <a "
                    'href="https://sefra-talks.example.org/documents/2026-09-14-corridor-'
                    'arrangement">two-page document</a> agreed in the Mirabadi capital, Sefra, on '
                    "Monday, and the border monitoring mission will observe inspections and report "
                    "any delays.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Qadira agreed to this corridor because the people of Beit Arwa are our "
                        "citizens and their suffering is our responsibility. The inspections exist "
                        "to keep weapons out, not to keep bread out."
                    ),
                    "person": "rashid-tamimi",
                },
            ),
            ("read_more", "monitors-deploy-along-zerqan-border"),
            (
                "paragraph",
                (
                    "<p>Inside the town, residents described queues forming at distribution points "
                    "within an hour of the lorries' arrival. Local officials said priority would "
                    "go to families with young children, the elderly and patients at the hospital, "
                    "where doctors have postponed all but emergency surgery since August because "
                    "of shortages of anaesthetics and fuel.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "For three weeks we have been choosing which patients get oxygen. This "
                        "delivery gives us some breathing room, perhaps ten days. After that we "
                        "are back where we started."
                    ),
                    "speaker": "Dr Hala Mansour",
                    "role": "Medical director",
                    "organisation": "Beit Arwa General Hospital",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Aid agencies warned that the arrangement remained fragile. A previous "
                    "attempt to open a corridor in July collapsed after two days when a convoy "
                    "came under fire, and both governments blamed each other. Mediators from "
                    "Mirabad, who brokered the deal, said they would convene the two sides again "
                    "if the corridor ran smoothly for a fortnight.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "ceasefire-holds-after-talks-in-ostrava-nova",
        "section": "diplomacy",
        "title": "Ceasefire at sea holds after first direct talks in Ostrava Nova",
        "lead": (
            "A maritime ceasefire between Varenia and the Kessar Federation held through its first "
            "72 hours on Monday, after two days of direct talks in Ostrava Nova produced an "
            "agreement to restore a naval hotline and pause patrols."
        ),
        "published": "2026-09-21T09:30:00",
        "updated": None,
        "authors": ["lena-okafor"],
        "topics": ["ceasefire", "Marren Strait", "Varenia", "Kessar Federation"],
        "image": {
            "alt": "Two grey naval patrol boats moored at opposite ends of a quiet harbour at dusk",
            "caption": "Patrol vessels in port in Ostrava Nova during the weekend's talks.",
            "credit": "Newsroom illustration",
            "colors": ["#1f3b5a", "#c8a25c"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>A ceasefire covering the disputed waters of the Marren Strait held through "
                    "the weekend, officials on both sides said on Monday, after the first direct "
                    "talks between Varenia and the Kessar Federation in more than a year ended in "
                    "the neutral port city of Ostrava Nova on Friday evening. No incidents were "
                    "reported by either navy, according to a <a "
                    'href="https://coastalstates.example.org/reports/2026-09-21-strait-situation-'
                    'update">situation update</a> published by the Coastal States Forum.</p>'
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Under the arrangement, both navies agreed to withdraw patrol vessels from "
                    "a 40-kilometre stretch of the eastern shipping lanes, to restore a direct "
                    "hotline between their fleet commands and to notify each other 24 hours in "
                    "advance of any exercise in the strait. The text, which runs to four pages, "
                    "was not signed as a treaty but was initialled by the heads of both "
                    "delegations.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "This is not peace, and nobody at the table pretended that it was. It is a "
                        "set of rules that make it less likely that a mistake at three in the "
                        "morning turns into a war."
                    ),
                    "person": "amara-veldt",
                },
            ),
            ("heading", "Hotline restored"),
            (
                "paragraph",
                (
                    "<p>Officials said the naval hotline was tested on Saturday morning and used "
                    "twice over the weekend to clarify the movements of commercial ships. Ilya "
                    "Saren, the Kessari deputy foreign minister who led his country's delegation, "
                    "described the agreement as 'a practical step, not a concession', a phrase "
                    "repeated in a <a "
                    'href="https://mfa-kessar.example.org/statements/2026-09-19-ostrava-'
                    'nova">ministry statement</a> issued shortly afterwards.</p>'
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We came to Ostrava Nova to stop the incidents, not to settle the map. On "
                        "that narrower question, we found more common ground than many expected."
                    ),
                    "person": "ilya-saren",
                },
            ),
            ("read_more", "envoy-veldt-arrives-in-castellan-for-strait-talks"),
            (
                "paragraph",
                (
                    "<p>The more difficult issues remain untouched. Varenia and the Kessar "
                    "Federation still dispute where the boundary between their waters runs in the "
                    "eastern half of the strait, and each accuses the other of licensing fishing "
                    "fleets in contested areas. Diplomats said a second round of talks, expected "
                    "in October, would try to set up working groups on fisheries and "
                    "navigation.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>In Castellan, the reaction was cautiously positive. Opposition lawmakers "
                    "questioned whether the withdrawal zone favoured the Kessari navy, whose main "
                    "base lies closer to the strait, but the government said the arrangement could "
                    "be suspended if either side broke its terms. Shipping insurers, whose "
                    "premiums for vessels crossing the strait have nearly tripled since May, said "
                    "they would wait for several weeks of calm before revising rates.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "One quiet weekend does not change a risk assessment. If the hotline is "
                        "still working in a month, the market will notice."
                    ),
                    "speaker": "Mirela Hask",
                    "role": "Head of marine risk",
                    "organisation": "Ostrava Nova Underwriters' Association",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The Forum said its monitors, who have observed the strait from two coastal "
                    "stations since June, would issue weekly public reports on compliance, "
                    "including any reported violations and the responses of both navies. The first "
                    "is due next Monday, and officials said it would be published in Varenian and "
                    "Kessari as well as in the Forum's working languages.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "ceasefires-are-built-in-the-boring-details",
        "section": "opinion",
        "title": "Ceasefires are built in the boring details",
        "lead": (
            "The four pages initialled in Ostrava Nova will not make the history books. That is "
            "exactly why they might work, argues a former mediator who has watched far grander "
            "agreements collapse within weeks."
        ),
        "published": "2026-09-25T06:00:00",
        "updated": None,
        "authors": ["jonas-ekdahl"],
        "topics": ["ceasefire", "mediation", "Marren Strait"],
        "image": {
            "alt": "An old desk telephone with a coiled cord resting on a stack of typed documents",
            "caption": "A restored naval hotline is at the heart of the Ostrava Nova arrangement.",
            "credit": "Newsroom illustration",
            "colors": ["#3c2f2f", "#b8a88a"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>I have sat in enough negotiating rooms to distrust the moment when "
                    "everyone stands up and shakes hands. The photographs are taken, the "
                    "communique is read aloud, and within a week someone is accusing someone else "
                    "of bad faith. So when I read the <a "
                    'href="https://coastalstates.example.org/documents/2026-09-19-ostrava-nova-'
                    'arrangement">four-page arrangement</a> that Varenia and the Kessar Federation '
                    "initialled last week, what struck me was how little of it was written for the "
                    "cameras.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>There is no grand language about friendship between peoples. There are "
                    "instead coordinates for a withdrawal zone, a requirement to give 24 hours' "
                    "notice of naval exercises, and a telephone line between two fleet commands. "
                    "It reads like an operating manual, and I mean that as a compliment. Most "
                    "ceasefires that fail do so not because the principles were wrong but because "
                    "nobody agreed what a captain should do at three in the morning.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The most important thing we agreed was a phone number. Everything else "
                        "depends on someone picking up when it rings."
                    ),
                    "person": "amara-veldt",
                },
            ),
            ("heading", "The hotline matters more than the handshake"),
            (
                "paragraph",
                (
                    "<p>Hotlines sound trivial. In practice they are the difference between an "
                    "incident and a crisis. During the spring, when Varenian and Kessari patrol "
                    "boats were shadowing each other across the eastern lanes, neither side had a "
                    "reliable way to ask the other what it was doing. Each ambiguity was resolved "
                    "by assuming the worst. The restored line does not remove suspicion, but it "
                    "gives suspicion somewhere to go other than the trigger.</p>"
                ),
            ),
            ("read_more", "ceasefire-holds-after-talks-in-ostrava-nova"),
            (
                "paragraph",
                (
                    "<p>The arrangement also wisely postpones the question that cannot yet be "
                    "answered: where the boundary runs. Negotiators were criticised in Castellan "
                    "for leaving it aside. I would argue it was the most skilful decision they "
                    "made. Linking a fragile pause to a sovereignty dispute is a reliable way to "
                    "lose both. Separating them allows confidence to accumulate before anyone has "
                    "to give ground on a map.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "A ceasefire that tries to solve everything ends up solving nothing. We "
                        "chose to solve one thing properly."
                    ),
                    "person": "ilya-saren",
                },
            ),
            (
                "paragraph",
                (
                    "<p>None of this guarantees success. The weekly <a "
                    'href="https://coastalstates.example.org/reports/marren-strait-'
                    'compliance">compliance reports</a> promised by the Coastal States Forum will '
                    "matter more than any speech, and the temptation for politicians in either "
                    "capital to score points from minor incidents will be strong. But if the "
                    "arrangement survives its first winter, it will be because someone wrote down "
                    "exactly what a tired officer should do when another ship appears on the "
                    "radar. That is unglamorous work. It is also the work that keeps people "
                    "alive.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "assembly-of-nations-opens-general-session",
        "section": "diplomacy",
        "title": "Assembly of Nations opens general session with maritime disputes high on agenda",
        "lead": (
            "Delegates from 164 member states gathered in Halvern on Tuesday for the opening of "
            "the Assembly of Nations' annual general session, where the Marren Strait ceasefire "
            "and a proposed sanctions package are expected to dominate debate."
        ),
        "published": "2026-09-29T14:00:00",
        "updated": None,
        "authors": ["priya-sethuraman"],
        "topics": ["Assembly of Nations", "Marren Strait", "sanctions"],
        "image": {
            "alt": (
                "Rows of flags of many colours lining the approach to a large glass conference hall"
            ),
            "caption": (
                "Member states' flags outside the Assembly building in Halvern on the opening day."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#27476e", "#e0c46c"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>The Assembly of Nations opened its 41st general session in Halvern on "
                    "Tuesday, with its president warning delegates that regional disputes over "
                    "waterways and borders had become 'the defining test' of the organisation's "
                    "relevance. More than 90 heads of government or foreign ministers are expected "
                    "to speak during the two-week general debate, according to the <a "
                    'href="https://assembly.example.org/sessions/41/programme">published '
                    "programme</a>.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Henrik Dalmau, a former foreign minister of the Alpine Commonwealth who "
                    "was elected president of the session in June, used his opening address to "
                    "call on member states to support the fragile maritime ceasefire between "
                    "Varenia and the Kessar Federation, and to back the Zerqan Border Monitoring "
                    "Mission, whose mandate expires in November.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We are very good at meeting after a crisis. This session should be "
                        "remembered for the crises it helped to prevent, and that means funding "
                        "the unglamorous work of monitors, hotlines and mediators."
                    ),
                    "person": "henrik-dalmau",
                },
            ),
            ("heading", "Sanctions draft circulates"),
            (
                "paragraph",
                (
                    "<p>On the sidelines of the opening day, delegations were circulating a draft "
                    "resolution that would restrict port access for vessels owned by Kessari state "
                    "shipping companies if the Kessar Federation is found to have breached the "
                    "strait ceasefire. Diplomats said the text, seen by Newsroom, was introduced "
                    "by a group of coastal states and was likely to be put to a vote in "
                    "mid-October.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Kessari officials have described the draft as premature. In a <a "
                    'href="https://mfa-kessar.example.org/statements/2026-09-28-assembly-'
                    'draft">statement on Monday</a>, the Kessari foreign ministry said the '
                    "proposal 'rewards one party for attending talks and punishes the other for "
                    "the same', and urged members to give the Ostrava Nova arrangement time to "
                    "work before considering penalties.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The sanctions text is a signal rather than a weapon. Its sponsors want "
                        "the Kessari government to know that a breach at sea would carry a cost in "
                        "Halvern."
                    ),
                    "speaker": "Sefa Brandt",
                    "role": "Senior fellow",
                    "organisation": "Halvern Institute for Multilateral Affairs",
                },
            ),
            ("read_more", "ceasefire-holds-after-talks-in-ostrava-nova"),
            (
                "paragraph",
                (
                    "<p>Beyond the strait, the session's agenda includes a review of humanitarian "
                    "access in the Zerqan border region, where fighting between Sahlan and Qadira "
                    "displaced an estimated 180,000 people earlier this year, and a debate on the "
                    "financing of peace operations, several of which are running deficits.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We come to Halvern to ask for support, not for sympathy. A ceasefire that "
                        "the world is watching is a ceasefire that is more likely to hold."
                    ),
                    "person": "tomas-reyvik",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The general debate continues on Wednesday with speeches from the foreign "
                    "ministers of Varenia and Sahlan. Civil society groups accredited to the "
                    "session have scheduled a parallel forum on maritime security for Thursday, "
                    "and the president's office said it would publish <a "
                    'href="https://assembly.example.org/sessions/41/records/daily">daily '
                    "records</a> of all plenary meetings throughout the session.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "sahlan-and-qadira-resume-indirect-talks",
        "section": "middle-east",
        "title": "Sahlan and Qadira resume indirect talks on a permanent ceasefire",
        "lead": (
            "Negotiators from Sahlan and Qadira returned to Sefra on Tuesday for indirect talks "
            "aimed at turning the fragile June truce into a permanent ceasefire, with water rights "
            "in the Zerqan valley the main obstacle."
        ),
        "published": "2026-10-06T12:30:00",
        "updated": None,
        "authors": ["marco-bellandi"],
        "topics": ["ceasefire", "Sahlan", "Qadira", "mediation"],
        "image": {
            "alt": (
                "A long wooden table with empty chairs in a sunlit room with tall arched windows"
            ),
            "caption": (
                "A meeting room in the government guesthouse in Sefra where the talks are being "
                "held."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#8a5a2b", "#e8d5b0"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Delegations from the Republic of Sahlan and the Emirate of Qadira began a "
                    "new round of indirect talks in Sefra on Tuesday, with Mirabadi mediators "
                    "shuttling between separate rooms in a government guesthouse. The talks are "
                    "intended to replace the truce agreed in June with a permanent ceasefire, "
                    "according to an <a "
                    'href="https://mirabad-mfa.example.org/press/2026-10-06-sefra-'
                    'talks">announcement from the Mirabadi foreign ministry</a>.</p>'
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The resumption follows a fortnight in which the humanitarian corridor to "
                    "the town of Beit Arwa operated without serious incident, a condition the "
                    "mediators had set for bringing the two sides back together. The Zerqan Border "
                    "Monitoring Mission reported 14 minor truce violations in its most recent "
                    "fortnightly report, down from 52 in the previous period.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Sahlan is ready to sign a permanent ceasefire tomorrow. What we cannot "
                        "sign is an agreement that leaves our farmers without the water they have "
                        "used for generations."
                    ),
                    "person": "samir-othani",
                },
            ),
            ("heading", "Water at the centre"),
            (
                "paragraph",
                (
                    "<p>The central dispute concerns a network of dams and irrigation channels on "
                    "the upper Zerqan river, which runs from Qadiri territory into Sahlan. Sahlan "
                    "accuses Qadira of diverting water during the summer months, while Qadira says "
                    "the works lie within its borders and were disclosed in a <a "
                    'href="https://example.com/reports/zerqan-basin-hydrology-2025">hydrology '
                    "report</a> shared with Sahlani officials two years ago.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The water question is real and we are prepared to discuss it seriously. "
                        "But it cannot be solved by those who treat every channel on our land as "
                        "an act of aggression."
                    ),
                    "person": "rashid-tamimi",
                },
            ),
            ("read_more", "humanitarian-corridor-opens-to-beit-arwa"),
            (
                "paragraph",
                (
                    "<p>Outside the guesthouse, a small group of displaced farmers from the Zerqan "
                    "valley held a silent vigil, carrying photographs of fields left untended "
                    "since the spring. Many say they will not return to their land until a "
                    "permanent agreement is in place and the presence of international monitors is "
                    "guaranteed for the long term.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We have planted nothing this year. If there is no agreement by the "
                        "winter, we will lose next year too."
                    ),
                    "speaker": "Karim Abbadi",
                    "role": "Farmer displaced from the village of Ein Sawra",
                    "organisation": "Zerqan Valley Farmers' Union",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Diplomats following the talks said the mediators had proposed a joint "
                    "water commission, which would share data on river flows and set seasonal "
                    "allocations. Neither delegation has publicly accepted the idea, but officials "
                    "from both sides described the first day as 'businesslike'. The current round "
                    "is expected to last at least three days.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "assembly-votes-on-kessar-shipping-sanctions",
        "section": "diplomacy",
        "title": "Assembly approves conditional shipping sanctions on Kessar Federation",
        "lead": (
            "The Assembly of Nations voted on Wednesday to approve port restrictions on Kessari "
            "state-owned shipping that would take effect only if monitors confirm a breach of the "
            "Marren Strait ceasefire. Kessar called the vote a mistake."
        ),
        "published": "2026-10-14T17:45:00",
        "updated": "2026-10-14T21:10:00",
        "authors": ["priya-sethuraman", "lena-okafor"],
        "topics": ["sanctions", "Kessar Federation", "Assembly of Nations"],
        "image": {
            "alt": (
                "An electronic voting board glowing green, red and amber above a darkened assembly "
                "hall"
            ),
            "caption": (
                "The result of Wednesday's vote displayed in the Assembly chamber in Halvern."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#14332b", "#7fb069"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>The Assembly of Nations on Wednesday approved a resolution that would bar "
                    "vessels owned by Kessari state shipping companies from the ports of member "
                    "states if the Kessar Federation is found to have violated the maritime "
                    "ceasefire in the Marren Strait. The measure passed by 88 votes to 41, with 35 "
                    "abstentions, according to the <a "
                    'href="https://assembly.example.org/sessions/41/votes/res-41-17">official '
                    "voting record</a>.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The sanctions are conditional. They would be triggered only by a finding "
                    "from the Coastal States Forum's monitors that a serious breach had occurred, "
                    "and would lapse automatically after six months unless renewed. Sponsors said "
                    "the structure was designed to deter violations without penalising the Kessari "
                    "government for a ceasefire it has so far observed.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "This resolution does not punish anyone today. It tells every captain in "
                        "the strait that the rules agreed in Ostrava Nova now carry the weight of "
                        "this Assembly."
                    ),
                    "person": "tomas-reyvik",
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "The Assembly has chosen to hang a sword over one party to an agreement "
                        "that both parties are keeping. That is a mistake, and it will be "
                        "remembered in Dura Kessar."
                    ),
                    "person": "ilya-saren",
                },
            ),
            ("heading", "Abstentions reflect unease"),
            (
                "paragraph",
                (
                    "<p>The large number of abstentions reflected unease among some members about "
                    "adopting conditional sanctions while talks are still under way. Several "
                    "delegations, speaking in an <a "
                    'href="https://assembly.example.org/sessions/41/records/2026-10-14-'
                    'plenary">explanation of vote</a> after the ballot, said they supported the '
                    "ceasefire but feared the resolution would harden positions before the second "
                    "round of negotiations.</p>"
                ),
            ),
            ("read_more", "assembly-of-nations-opens-general-session"),
            (
                "paragraph",
                (
                    "<p>Henrik Dalmau, the president of the general session, said the vote showed "
                    "that members were willing to back regional mediation with concrete "
                    "commitments. His office said the resolution would be transmitted to the "
                    "Regional Security Council, which is responsible for overseeing how any "
                    "sanctions are applied and for reviewing them before they expire.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Members have disagreed today about method, but not about the goal. Nobody "
                        "in this hall wants to see the strait return to the situation of last "
                        "spring."
                    ),
                    "person": "henrik-dalmau",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The Kessari delegation walked out of the hall before the result was "
                    "announced. Officials in Dura Kessar later said they would not withdraw from "
                    "the talks, but that the vote would be 'taken into account' when the two sides "
                    "meet again in Ostrava Nova later this month.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p><i>This article was updated to include a statement from the Kessari "
                    "foreign ministry.</i> In the statement, released on Wednesday evening, the "
                    "ministry said the Kessar Federation would continue to honour the ceasefire "
                    "and would ask the Coastal States Forum to publish the methodology its "
                    "monitors use to assess breaches.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "sanctions-without-an-exit-ramp-rarely-work",
        "section": "opinion",
        "title": "Sanctions without an exit ramp rarely change anyone's mind",
        "lead": (
            "The Assembly's conditional measures against Kessari shipping are better designed than "
            "most. But their authors should spend as much time on how the sanctions would end as "
            "on how they would begin."
        ),
        "published": "2026-10-17T06:00:00",
        "updated": None,
        "authors": ["ruth-adeyemi"],
        "topics": ["sanctions", "Kessar Federation", "Assembly of Nations"],
        "image": {
            "alt": "A heavy steel door standing half open onto a bright, empty corridor",
            "caption": "Sanctions work best when the way out is as clear as the way in.",
            "credit": "Newsroom illustration",
            "colors": ["#4a4e57", "#d6d2c4"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>The resolution adopted by the Assembly of Nations on Wednesday is, by the "
                    "standards of such things, a careful piece of work. It does not punish the "
                    "Kessar Federation for anything it has done. It sets out what would happen if "
                    "Kessari forces broke the Marren Strait ceasefire, names an independent body "
                    "to decide whether that has happened, and builds in an automatic expiry. "
                    "Anyone who reads the <a "
                    'href="https://assembly.example.org/sessions/41/votes/res-41-17">full text</a> '
                    "will see that its drafters learned from past mistakes.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Yet I left the hall uneasy, and not only because of the Kessari walkout. "
                    "My concern is with what sanctions are for. They are meant to change "
                    "behaviour, which means they must offer the target a clear way out. The "
                    "resolution is precise about the trigger and vague about the release. Once "
                    "imposed, the measures would last six months unless renewed, but nothing says "
                    "what Kessar would need to do to have them lifted sooner.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "If the Assembly wants us to believe that these measures are about "
                        "behaviour and not about politics, it should tell us precisely what "
                        "behaviour would bring them to an end."
                    ),
                    "person": "ilya-saren",
                },
            ),
            ("heading", "The problem of the open door"),
            (
                "paragraph",
                (
                    "<p>This is not a technicality. Governments under sanctions calculate whether "
                    "compliance will be rewarded. If the answer is uncertain, hardliners can argue "
                    "that concessions are pointless, and they are often right. Research on past "
                    "sanctions regimes, summarised in a <a "
                    'href="https://example.com/research/sanctions-exit-conditions-review">recent '
                    "review</a> of more than 60 cases, suggests that measures with explicit "
                    "conditions for lifting are considerably more likely to achieve their stated "
                    "aims.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Sanctions are a tool of last resort, and this Assembly has tried to make "
                        "sure that they remain one."
                    ),
                    "person": "henrik-dalmau",
                },
            ),
            ("read_more", "assembly-votes-on-kessar-shipping-sanctions"),
            (
                "paragraph",
                (
                    "<p>The sponsors will reply that the measures may never be used, and they may "
                    "be right. The ceasefire has held for almost a month, and Kessari officials "
                    "insist they will stay in the talks. But deterrence depends on credibility in "
                    "both directions: the threat must be believable, and so must the promise that "
                    "good conduct will be recognised. At the moment only the first half of that "
                    "bargain is on paper.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>There is still time to fix this. The Regional Security Council, which will "
                    "oversee any sanctions, could publish guidance setting out how a breach would "
                    "be assessed and what steps would lead to early suspension. That would cost "
                    "the sponsors nothing and would deprive critics in Dura Kessar of their "
                    "strongest argument. Sanctions work best when the target can see the door out "
                    "as clearly as the door in.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "aid-convoys-stalled-at-zerqan-crossing",
        "section": "middle-east",
        "title": "Aid convoys stalled at Zerqan crossing as inspections slow",
        "lead": (
            "More than 60 lorries bound for Beit Arwa were stuck at the Zerqan crossing on "
            "Wednesday after inspections slowed sharply, raising fears among aid agencies that the "
            "month-old humanitarian corridor could be quietly closing."
        ),
        "published": "2026-10-21T09:00:00",
        "updated": "2026-10-21T15:40:00",
        "authors": ["marco-bellandi"],
        "topics": ["humanitarian corridor", "Beit Arwa", "Zerqan", "border monitoring"],
        "image": {
            "alt": (
                "A queue of stationary lorries stretching along a desert road towards a checkpoint "
                "barrier"
            ),
            "caption": "Lorries waiting at the approach to the Zerqan crossing on Wednesday.",
            "credit": "Newsroom illustration",
            "colors": ["#b5651d", "#2f3e46"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Aid convoys bound for the town of Beit Arwa have been held at the Zerqan "
                    "crossing for up to four days, relief agencies said on Wednesday, as "
                    "inspections by Sahlani and Qadiri officials slowed to a handful of lorries a "
                    "day. The Concord Relief Agency said in a <a "
                    'href="https://concordrelief.example.org/updates/2026-10-21-zerqan-'
                    'delays">situation report</a> that 63 lorries were waiting at the crossing, '
                    "some carrying food and medicines that require refrigeration.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The corridor, which opened in mid-September, had been handling an average "
                    "of 30 lorries a day until last week. Aid workers said the slowdown began "
                    "after Qadiri officials introduced a requirement for each pallet to be "
                    "unloaded and inspected individually, and Sahlani inspectors then reduced "
                    "their hours in what one official described as a response in kind.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We are watching food spoil a few hundred metres from people who need it. "
                        "The inspection rules have not changed on paper, but in practice the "
                        "corridor is narrowing every day."
                    ),
                    "person": "leila-marzouk",
                },
            ),
            ("heading", "Monitors record delays"),
            (
                "paragraph",
                (
                    "<p>The Zerqan Border Monitoring Mission, which observes the inspections, "
                    "confirmed the delays in its <a "
                    'href="https://zbmm.example.org/reports/2026-10-20-fortnightly-report">latest '
                    "fortnightly report</a> and said it had raised the issue with both "
                    "governments. The mission said its monitors had recorded no attempt to smuggle "
                    "weapons through the crossing since it opened, undermining the case for more "
                    "intrusive checks.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Our teams have watched every inspection since the corridor opened. We "
                        "have not seen a single case that would justify the present delays, and we "
                        "have told both governments so."
                    ),
                    "person": "nadia-haddar",
                },
            ),
            ("read_more", "humanitarian-corridor-opens-to-beit-arwa"),
            (
                "paragraph",
                (
                    "<p>Qadiri officials said the new procedures were a temporary measure prompted "
                    "by intelligence reports, which they did not make public. Sahlani officials "
                    "denied reducing their hours deliberately and said staff shortages at the "
                    "crossing were to blame. Both governments said they remained committed to the "
                    "corridor and to the talks under way in Sefra.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "No corridor can be allowed to become a route for weapons. When the "
                        "security concerns are addressed, the inspections will return to their "
                        "normal pace."
                    ),
                    "person": "rashid-tamimi",
                },
            ),
            (
                "paragraph",
                (
                    "<p><i>Updated at 15:40 UTC:</i> Late on Wednesday afternoon, the Mirabadi "
                    "foreign ministry said both governments had agreed to restore the previous "
                    "inspection procedures from Thursday morning and to open a second inspection "
                    "lane. Relief agencies said they would judge the announcement by the number of "
                    "lorries that crossed in the coming days.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "varenia-and-kessar-complete-prisoner-exchange",
        "section": "diplomacy",
        "title": "Varenia and Kessar Federation complete exchange of detained sailors",
        "lead": (
            "Twenty-six sailors and fishermen detained since the spring clashes in the Marren "
            "Strait returned home on Friday in an exchange overseen by the Concord Relief Agency, "
            "the first such swap between the two countries in a decade."
        ),
        "published": "2026-10-30T11:20:00",
        "updated": None,
        "authors": ["lena-okafor"],
        "topics": ["prisoner exchange", "Varenia", "Kessar Federation", "Marren Strait"],
        "image": {
            "alt": "A gangway leading down from a grey ship to a crowded quayside under a pale sky",
            "caption": (
                "Released detainees disembark at the quayside in Castellan on Friday afternoon."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#395b7a", "#f2e3c6"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Varenia and the Kessar Federation exchanged 26 detained sailors and "
                    "fishermen on Friday at a quayside in Ostrava Nova, in a handover supervised "
                    "by the Concord Relief Agency and observed by representatives of the Coastal "
                    "States Forum. Fourteen Kessari nationals and twelve Varenians were released, "
                    "according to a <a "
                    'href="https://concordrelief.example.org/press/2026-10-30-marren-'
                    'release">statement from the agency</a>, which said all had been visited in '
                    "detention by its staff.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The exchange had been agreed in principle during the second round of talks "
                    "between the two governments earlier this week, but its timing was kept "
                    "confidential until the detainees had boarded separate vessels in the morning. "
                    "Families gathered at the harbour in Castellan and at the Kessari naval port "
                    "of Sarvik as the ships arrived in the afternoon.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Our role was to make sure that every person leaving detention did so "
                        "voluntarily, in good health and with the dignity they are owed. Each of "
                        "them was interviewed privately before boarding."
                    ),
                    "person": "leila-marzouk",
                },
            ),
            ("heading", "Families waited months"),
            (
                "paragraph",
                (
                    "<p>Most of those released were crew members of fishing boats seized during "
                    "the confrontations of April and May. Several Kessari sailors were detained "
                    "after their patrol vessel ran aground on a Varenian sandbank during a storm. "
                    "Relatives on both sides had campaigned for months for their release, and some "
                    "said they had received no direct word from their family members since the "
                    "summer.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "My son left for a two-day trip in April. Today is the first time I have "
                        "heard his voice since then. I do not care who signed what. I only care "
                        "that he is home."
                    ),
                    "speaker": "Irina Valdescu",
                    "role": "Mother of a released fisherman",
                    "organisation": "Southern Shore Fishers' Cooperative",
                },
            ),
            ("read_more", "ceasefire-holds-after-talks-in-ostrava-nova"),
            (
                "paragraph",
                (
                    "<p>Foreign Minister Tomas Reyvik, who was at the quayside in Castellan, said "
                    "the exchange showed that the talks in Ostrava Nova were producing results for "
                    "ordinary people. Kessari officials described it as a humanitarian gesture "
                    "that should not be read as a concession on the wider dispute over the "
                    "strait.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Today twelve families in Varenia got back what matters most to them. That "
                        "is what diplomacy is for, and it is why we will keep going back to the "
                        "table."
                    ),
                    "person": "tomas-reyvik",
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "The Kessar Federation acted out of humanitarian concern. We expect the "
                        "same spirit when the harder questions about the strait are discussed."
                    ),
                    "person": "ilya-saren",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The two sides have also agreed to allow the Concord Relief Agency to trace "
                    "six fishermen who remain missing after the clashes, according to a <a "
                    'href="https://coastalstates.example.org/transcripts/2026-10-28-ostrava-nova-'
                    'round-two">transcript of the closing press conference</a> at the talks. '
                    "Negotiators are expected to meet again in November to discuss a longer-term "
                    "arrangement for the strait.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "the-corridor-is-a-test-of-trust-not-logistics",
        "section": "opinion",
        "title": "The Beit Arwa corridor is a test of trust, not of logistics",
        "lead": (
            "When lorries stalled at the Zerqan crossing last month, the problem was not a "
            "shortage of inspectors. It was a shortage of confidence, and only the monitors are in "
            "a position to supply it."
        ),
        "published": "2026-11-03T06:00:00",
        "updated": None,
        "authors": ["jonas-ekdahl"],
        "topics": ["humanitarian corridor", "Beit Arwa", "border monitoring", "mediation"],
        "image": {
            "alt": "A red and white checkpoint barrier raised above an empty road at dawn",
            "caption": (
                "The inspection point at the Zerqan crossing, the only route into Beit Arwa."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#a23b2a", "#f0d9b5"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>For four days in October, more than 60 lorries sat at the Zerqan crossing "
                    "while the people of Beit Arwa waited for food and medicine a few kilometres "
                    "away. The official explanations, a new inspection rule on one side and staff "
                    "shortages on the other, were technical. The real cause was political. Each "
                    "government suspected the other of exploiting the corridor, and each used the "
                    "inspection process to signal its displeasure.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>I have seen this pattern before. Humanitarian corridors are usually "
                    "described as logistical arrangements, with opening hours, inspection lanes "
                    "and convoy manifests. But they are really agreements about trust. Each side "
                    "is letting something cross a line it normally defends, and each needs "
                    "reassurance that the other will not take advantage. When that reassurance "
                    "weakens, the paperwork is the first thing to slow down.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Every delay at the crossing is a decision, even when nobody admits to "
                        "making it."
                    ),
                    "person": "leila-marzouk",
                },
            ),
            ("heading", "Witnesses both sides believe"),
            (
                "paragraph",
                (
                    "<p>What ended the October stoppage was not a new agreement but a fact. The "
                    "Zerqan Border Monitoring Mission, whose observers had watched every "
                    "inspection, said in its <a "
                    'href="https://zbmm.example.org/reports/2026-10-20-fortnightly-'
                    'report">fortnightly report</a> that it had found no attempt to smuggle '
                    "weapons through the crossing. That finding removed the justification for the "
                    "slowdown, and within hours both governments agreed to restore the previous "
                    "procedures.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Our value lies in being boring and believable. We count, we record and we "
                        "publish, and we do it the same way on both sides of the valley."
                    ),
                    "person": "nadia-haddar",
                },
            ),
            ("read_more", "aid-convoys-stalled-at-zerqan-crossing"),
            (
                "paragraph",
                (
                    "<p>This is the quiet power of monitoring missions. They cannot force anyone "
                    "to do anything, but they can narrow the space for plausible excuses. "
                    "Mediators in Sefra should build on this. Any permanent ceasefire between "
                    "Sahlan and Qadira will need provisions for the corridor, and those provisions "
                    "should give the monitors a formal role in resolving disputes over "
                    "inspections, with findings both sides agree in advance to accept.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Member states of the Assembly of Nations will decide this month whether to "
                    "extend the mission's mandate. The <a "
                    'href="https://assembly.example.org/sessions/41/documents/zbmm-mandate-'
                    'review">review submitted to members</a> makes a strong case for doing so, but '
                    "it also notes that the mission is chronically short of vehicles and fuel. "
                    "Funding it properly would be one of the cheapest investments in stability "
                    "available to anyone this year.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "monitoring-mission-mandate-extended",
        "section": "middle-east",
        "title": "Assembly extends Zerqan monitoring mission for another year",
        "lead": (
            "The Assembly of Nations renewed the mandate of the Zerqan Border Monitoring Mission "
            "on Tuesday and doubled the number of observers it may deploy, after Sahlan and Qadira "
            "both asked for the mission to stay."
        ),
        "published": "2026-11-10T15:15:00",
        "updated": None,
        "authors": ["marco-bellandi", "priya-sethuraman"],
        "topics": ["border monitoring", "Assembly of Nations", "Zerqan"],
        "image": {
            "alt": (
                "An observer with binoculars on a rocky ridge overlooking terraced fields and a "
                "river"
            ),
            "caption": (
                "A monitoring post above the lower Zerqan valley, where some families have begun "
                "to return."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#5b7f4a", "#e6dcc2"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>The Assembly of Nations voted on Tuesday to extend the mandate of the "
                    "Zerqan Border Monitoring Mission for twelve months, and to raise its "
                    "authorised strength from 120 to 240 observers. The resolution was adopted "
                    "without a vote after both Sahlan and Qadira wrote to the Assembly asking for "
                    "the mission to continue, according to the <a "
                    'href="https://assembly.example.org/sessions/41/records/2026-11-10-'
                    'plenary">record of the plenary meeting</a>.</p>'
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The extension comes as negotiators from the two countries remain in Sefra, "
                    "where indirect talks on a permanent ceasefire have entered their sixth week. "
                    "Diplomats said a draft agreement now includes a provision inviting the "
                    "mission to verify the withdrawal of heavy weapons from a ten-kilometre zone "
                    "on each side of the border, which would require the additional observers.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "It is rare for both parties to a dispute to ask this Assembly to keep "
                        "watching them. When they do, it is a sign that the monitors have earned a "
                        "measure of trust, and we should not waste it."
                    ),
                    "person": "henrik-dalmau",
                },
            ),
            ("heading", "Funding gap remains"),
            (
                "paragraph",
                (
                    "<p>The mission's budget remains a concern. Its head told member states last "
                    "week that it had received only 70 percent of the funding pledged for its "
                    "first year, and that observers had at times been unable to patrol for lack of "
                    "vehicles and fuel. Several members announced new pledges, listed in a <a "
                    'href="https://zbmm.example.org/funding/pledges-2026-2027">pledging table</a> '
                    "published by the mission, though the total still falls short of its estimated "
                    "needs.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "A mandate without money is a promise we cannot keep. The observers are "
                        "ready to do more, but they need vehicles that work and the fuel to drive "
                        "them."
                    ),
                    "person": "nadia-haddar",
                },
            ),
            ("read_more", "aid-convoys-stalled-at-zerqan-crossing"),
            (
                "paragraph",
                (
                    "<p>Sahlani Foreign Minister Samir Othani, who addressed the Assembly before "
                    "the decision, said the mission's reports had helped to reduce violations "
                    "along the border and had given displaced families the confidence to begin "
                    "returning to some villages in the lower Zerqan valley, where schools reopened "
                    "last week.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The monitors have given the people of the valley something that neither "
                        "government could give them alone: a witness they both believe."
                    ),
                    "person": "samir-othani",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Qadira's representative told the Assembly that the emirate supported the "
                    "extension but wanted the mission to publish more detail about how it verifies "
                    "reports of violations. Rights groups, meanwhile, urged the mission to record "
                    "abuses against civilians as well as military incidents, a task that falls "
                    "outside its current mandate.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "strait-accord-signed-in-ostrava-nova",
        "section": "diplomacy",
        "title": "Varenia and Kessar Federation sign Marren Strait accord in Ostrava Nova",
        "lead": (
            "The two governments signed an agreement on Tuesday setting out joint rules for "
            "navigation and fishing in the Marren Strait, ending a year of confrontation at sea "
            "while leaving their boundary dispute to a future commission."
        ),
        "published": "2026-11-24T16:00:00",
        "updated": "2026-11-24T19:35:00",
        "authors": ["lena-okafor", "priya-sethuraman"],
        "topics": ["peace agreement", "Marren Strait", "Varenia", "Kessar Federation"],
        "image": {
            "alt": (
                "Two fountain pens lying crossed on a leather-bound document beside two small "
                "table flags"
            ),
            "caption": (
                "The signing table at the Ostrava Nova harbour pavilion on Tuesday afternoon."
            ),
            "credit": "Newsroom illustration",
            "colors": ["#1d2d44", "#d4af37"],
        },
        "body": [
            (
                "paragraph",
                (
                    "<p>Varenia and the Kessar Federation signed an agreement in Ostrava Nova on "
                    "Tuesday that establishes shared rules for navigation, fishing and naval "
                    "activity in the Marren Strait, formally ending a confrontation that brought "
                    "the two countries close to open conflict in the spring. The <a "
                    'href="https://coastalstates.example.org/documents/marren-strait-accord-'
                    '2026">text of the accord</a> was published by the Coastal States Forum '
                    "shortly after the signing ceremony.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The accord turns the temporary arrangements agreed in September into "
                    "permanent commitments. It creates a joint maritime commission with equal "
                    "representation, a permanent hotline between the fleet commands, and a shared "
                    "fishing zone in the eastern strait where licences will be issued jointly. "
                    "Both navies will continue to stay out of a demilitarised corridor along the "
                    "main shipping lane.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Three months ago the two navies were not speaking to each other. Today "
                        "their foreign ministers signed rules that both fleets have already shown "
                        "they can follow. That is how durable agreements are built."
                    ),
                    "person": "amara-veldt",
                },
            ),
            ("heading", "Boundary left for later"),
            (
                "paragraph",
                (
                    "<p>The agreement does not resolve the underlying dispute over where the "
                    "maritime boundary runs. Instead, it refers the question to a boundary "
                    "commission of five members, two appointed by each government and a chair "
                    "chosen jointly, which is given four years to report. Negotiators said that "
                    "separating the two issues had been essential to reaching a deal.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We did not give up a single claim today. What we gave up was the idea "
                        "that our claims could be settled by ships shouldering each other in the "
                        "dark."
                    ),
                    "person": "tomas-reyvik",
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "This accord is proof that the Kessar Federation negotiates in good faith. "
                        "It should also close the chapter on threats of sanctions from those who "
                        "were not at the table."
                    ),
                    "person": "ilya-saren",
                },
            ),
            ("read_more", "varenia-and-kessar-complete-prisoner-exchange"),
            (
                "paragraph",
                (
                    "<p>The signing was attended by delegations from eleven coastal states and by "
                    "Henrik Dalmau, the president of the Assembly of Nations' general session. The "
                    "Assembly's conditional sanctions resolution, adopted in October, remains "
                    "formally in force but would only be triggered by a serious breach, and "
                    "several sponsors indicated they would support letting it lapse in April.</p>"
                ),
            ),
            ("read_more", "assembly-votes-on-kessar-shipping-sanctions"),
            (
                "paragraph",
                (
                    "<p>Reaction in both capitals was largely positive, though nationalist parties "
                    "in each accused their governments of conceding too much. In Castellan, a "
                    "group of opposition lawmakers said in a <a "
                    'href="https://example.com/varenia/parliament/2026-11-24-opposition-'
                    "statement\">joint statement</a> that the shared fishing zone 'trades "
                    "sovereignty for convenience', and called for a parliamentary vote on "
                    "ratification.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Both parliaments must ratify the accord before it enters into force. "
                    "Officials in Dura Kessar said on Tuesday evening that the Kessari legislature "
                    "would take up the text before the end of the year, while the Varenian "
                    "government said it expected a vote in January. <i>This article was updated "
                    "with the ratification timetable.</i></p>"
                ),
            ),
        ],
    },
]
