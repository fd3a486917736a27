"""Spanish and Arabic translations of part of the fictional Newsroom demo content."""

SECTION_TITLES = {
    "es": {
        "middle-east": "Oriente Medio",
        "diplomacy": "Diplomacia",
        "opinion": "Opinión",
    },
    "ar": {
        "middle-east": "الشرق الأوسط",
        "diplomacy": "دبلوماسية",
        "opinion": "رأي",
    },
}

SECTION_INTROS = {
    "es": {
        "middle-east": (
            "Información desde el valle de Zerqan y desde las capitales de Sahlan y Qadira, donde "
            "una tregua frágil, un corredor humanitario y una misión internacional de observación "
            "se enfrentan a su prueba más difícil."
        ),
        "diplomacy": (
            "Negociaciones, enviados y votaciones: la cobertura de las conversaciones sobre el "
            "estrecho de Marren, de la Asamblea de las Naciones y de los organismos regionales que "
            "intentan evitar que las disputas desemboquen en guerras."
        ),
        "opinion": (
            "Análisis y debate a cargo de antiguos mediadores y especialistas en seguridad. Las "
            "columnas reflejan la opinión de sus autores."
        ),
    },
    "ar": {
        "middle-east": (
            "تغطية من وادي زرقان ومن عاصمتي سهلان وقديرة، حيث تخضع هدنة هشة وممر إنساني وبعثة "
            "مراقبة دولية لاختبار حقيقي."
        ),
        "diplomacy": (
            "مفاوضات ومبعوثون وجلسات تصويت: تغطية للمحادثات بشأن مضيق مارين، ولأعمال جمعية الأمم "
            "والهيئات الإقليمية التي تسعى إلى منع تحوّل النزاعات إلى حروب."
        ),
        "opinion": (
            "تحليلات وآراء يكتبها وسطاء سابقون ومتخصصون في الشؤون الأمنية. تعبّر المقالات عن آراء "
            "كتّابها."
        ),
    },
}

PEOPLE_ROLES = {
    "es": {
        "amara-veldt": {
            "role": "Enviada especial para el estrecho de Marren",
            "organisation": "Foro de Estados Costeros",
        },
        "tomas-reyvik": {
            "role": "Ministro de Asuntos Exteriores",
            "organisation": "República de Varenia",
        },
        "ilya-saren": {
            "role": "Viceministro de Asuntos Exteriores",
            "organisation": "Federación de Kessar",
        },
        "henrik-dalmau": {
            "role": "Presidente del 41.º periodo general de sesiones",
            "organisation": "Asamblea de las Naciones",
        },
        "nadia-haddar": {
            "role": "Jefa de misión",
            "organisation": "Misión de Observación de la Frontera de Zerqan",
        },
        "samir-othani": {
            "role": "Ministro de Asuntos Exteriores",
            "organisation": "República de Sahlan",
        },
        "rashid-tamimi": {
            "role": "Negociador jefe",
            "organisation": "Emirato de Qadira",
        },
        "leila-marzouk": {
            "role": "Directora regional",
            "organisation": "Agencia de Ayuda Concord",
        },
    },
    "ar": {
        "amara-veldt": {
            "role": "المبعوثة الخاصة لشؤون مضيق مارين",
            "organisation": "منتدى الدول الساحلية",
        },
        "tomas-reyvik": {
            "role": "وزير الخارجية",
            "organisation": "جمهورية فارينيا",
        },
        "ilya-saren": {
            "role": "نائب وزير الخارجية",
            "organisation": "اتحاد كيسار",
        },
        "henrik-dalmau": {
            "role": "رئيس الدورة العامة الحادية والأربعين",
            "organisation": "جمعية الأمم",
        },
        "nadia-haddar": {
            "role": "رئيسة البعثة",
            "organisation": "بعثة مراقبة حدود زرقان",
        },
        "samir-othani": {
            "role": "وزير الخارجية",
            "organisation": "جمهورية سهلان",
        },
        "rashid-tamimi": {
            "role": "كبير المفاوضين",
            "organisation": "إمارة قديرة",
        },
        "leila-marzouk": {
            "role": "المديرة الإقليمية",
            "organisation": "وكالة كونكورد للإغاثة",
        },
    },
}

ARTICLES = {
    "es": [
        {
            "slug": "envoy-veldt-arrives-in-castellan-for-strait-talks",
            "title": (
                "La enviada de los Estados Costeros llega a Castellan para impulsar el diálogo "
                "sobre el estrecho de Marren"
            ),
            "lead": (
                "Amara Veldt, enviada especial del Foro de Estados Costeros, inició el jueves una "
                "visita de tres días a la capital varenia en busca de compromisos que permitan "
                "sentar a Varenia y a la Federación de Kessar a la mesa de negociación."
            ),
            "image_alt": (
                "Un pequeño reactor de pasajeros blanco sobre una pista mojada, bajo un cielo de "
                "nubes grises y bajas"
            ),
            "image_caption": (
                "El avión de la enviada, en la plataforma del aeropuerto de Castellan el jueves "
                "por la mañana."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Amara Veldt, enviada especial del Foro de Estados Costeros, llegó el "
                        "jueves por la mañana a Castellan para reunirse con las autoridades "
                        "varenias. Es la primera visita de un mediador regional de alto nivel "
                        "desde que los enfrentamientos navales en el estrecho de Marren costaron "
                        "la vida a once marineros en mayo. Su oficina explicó en un <a "
                        'href="https://coastalstates.example.org/statements/2026-09-03-envoy-'
                        'travel">breve comunicado</a> que el viaje pretendía «tantear el terreno» '
                        "para unas negociaciones directas con la Federación de Kessar.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Veldt fue recibida en el aeropuerto por altos cargos del Ministerio de "
                        "Asuntos Exteriores de Varenia y tenía previsto entrevistarse a lo largo "
                        "del día con el ministro de Exteriores, Tomas Reyvik. Según diplomáticos "
                        "al tanto de la agenda, también se reunirá con mandos de la guardia "
                        "costera varenia y con representantes de las comunidades pesqueras de la "
                        "costa sur, cuyas embarcaciones permanecen casi todas amarradas desde la "
                        "primavera.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "A nadie en esta región le conviene un estrecho en el que cada barco "
                            "pesquero es tratado como una posible amenaza. He venido, antes que "
                            "nada, a escuchar, y a averiguar qué necesitaría cada parte para "
                            "sentarse en la misma sala."
                        ),
                        "person": "amara-veldt",
                    },
                ),
                (
                    "heading",
                    "Una puerta entreabierta",
                ),
                (
                    "paragraph",
                    (
                        "<p>La visita llega tras semanas de contactos discretos entre Castellan y "
                        "Dura Kessar, la capital kessarí, a través de intermediarios en la ciudad "
                        "portuaria neutral de Ostrava Nova. Ambos gobiernos han insistido "
                        "públicamente en que no negociarán bajo presión, pero ninguno ha "
                        'descartado el diálogo, y la <a href="https://mfa-'
                        'varenia.example.org/transcripts/2026-08-28-press-briefing">transcripción '
                        "de una rueda de prensa varenia</a> de la semana pasada dejó ver cómo los "
                        "funcionarios suavizaban sus condiciones iniciales.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Varenia siempre ha preferido la mesa de negociación a la lancha "
                            "patrullera. Si la Federación de Kessar está dispuesta a hablar de un "
                            "cese verificable de los incidentes en el mar, no seremos nosotros "
                            "quienes nos levantemos de la mesa."
                        ),
                        "person": "tomas-reyvik",
                    },
                ),
                (
                    "read_more",
                    "ceasefire-holds-after-talks-in-ostrava-nova",
                ),
                (
                    "paragraph",
                    (
                        "<p>El Ministerio de Asuntos Exteriores de la Federación de Kessar no "
                        "respondió el jueves a las peticiones de comentarios. En un comunicado "
                        "difundido el lunes, aseguró que «acoge con satisfacción cualquier "
                        "esfuerzo regional constructivo», pero reiteró su postura de que las "
                        "patrullas varenias en las rutas marítimas orientales violan las aguas "
                        "kessaríes, algo que Castellan niega.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Según los analistas, el objetivo inmediato de la enviada es modesto: "
                        "un acuerdo para restablecer la línea directa entre ambas armadas, "
                        "suspendida en mayo, y una pausa en las patrullas en el tramo más "
                        "disputado del estrecho. Un <a "
                        'href="https://example.com/research/marren-strait-incident-log">registro '
                        "elaborado por un grupo independiente de investigación marítima</a> "
                        "contabilizó 37 encuentros a corta distancia entre las dos flotas de marzo "
                        "a agosto.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Cada semana que los barcos siguen en el puerto, otra familia se "
                            "retrasa en el pago de sus préstamos. No pedimos política. Pedimos que "
                            "nos dejen pescar."
                        ),
                        "speaker": "Danil Orsk",
                        "role": "Presidente",
                        "organisation": "Cooperativa de Pescadores de la Costa Sur",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Veldt tiene previsto viajar el domingo a Dura Kessar para reunirse con "
                        "autoridades kessaríes, entre ellas el viceministro de Exteriores, Ilya "
                        "Saren. Fuentes del Foro indicaron que la decisión sobre si convocar "
                        "negociaciones formales se tomará tras ambas visitas, posiblemente en un "
                        "plazo de dos semanas, y que Ostrava Nova sigue siendo la sede más "
                        "probable.</p>"
                    ),
                ),
            ],
        },
        {
            "slug": "monitors-deploy-along-zerqan-border",
            "title": "Los observadores internacionales empiezan a patrullar la frontera de Zerqan",
            "lead": (
                "Los primeros equipos de la Misión de Observación de la Frontera de Zerqan "
                "comenzaron el martes a patrullar la línea divisoria entre Sahlan y Qadira, tres "
                "meses después de que los combates en el valle desplazaran a decenas de miles de "
                "personas a ambos lados."
            ),
            "image_alt": (
                "Dos todoterrenos blancos avanzan por una pista de tierra que cruza un valle árido "
                "al amanecer"
            ),
            "image_caption": (
                "Los observadores salen en una de las primeras patrullas de la misión en el valle "
                "de Zerqan."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>Observadores internacionales desarmados comenzaron el martes a "
                        "patrullar la frontera entre la República de Sahlan y el Emirato de "
                        "Qadira, en el primer despliegue de la Misión de Observación de la "
                        "Frontera de Zerqan desde que la Asamblea de las Naciones la autorizó en "
                        "julio. Cuatro equipos de seis observadores partieron de una base "
                        "provisional a las afueras de la localidad sahlaní de Tel Harun, según un "
                        '<a href="https://zbmm.example.org/updates/2026-09-08-first-patrols">parte '
                        "de la misión</a>.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Está previsto que la misión alcance su dotación completa de 120 "
                        "observadores a finales de octubre. Su mandato consiste en documentar las "
                        "violaciones de la tregua pactada en junio, investigar las denuncias de "
                        "bombardeos e incursiones y publicar sus conclusiones cada quince días. No "
                        "tiene competencias para hacer cumplir la tregua, y sus observadores no "
                        "llevan armas.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Nuestro trabajo es ver con claridad e informar con honestidad. No "
                            "estamos aquí para tomar partido, y publicaremos lo que encontremos, "
                            "tanto si resulta incómodo para un gobierno como para los dos o para "
                            "ninguno."
                        ),
                        "person": "nadia-haddar",
                    },
                ),
                (
                    "heading",
                    "Tensión en el valle",
                ),
                (
                    "paragraph",
                    (
                        "<p>El valle de Zerqan, una fértil franja de tierras de cultivo a caballo "
                        "entre los dos países, fue escenario de duros combates en mayo y junio, "
                        "después de que una disputa por unas obras de regadío degenerara en duelos "
                        "de artillería. Vecinos de aldeas de ambos lados aseguran que, pese a la "
                        "tregua, siguen oyéndose disparos esporádicos por las noches, y muchos "
                        "agricultores no han vuelto a sus campos.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Sahlan ha recibido a estos observadores con los brazos abiertos "
                            "porque no tenemos nada que ocultar. Esperamos que sus informes "
                            "muestren al mundo dónde se respeta la tregua y dónde no."
                        ),
                        "person": "samir-othani",
                    },
                ),
                (
                    "read_more",
                    "envoy-veldt-arrives-in-castellan-for-strait-talks",
                ),
                (
                    "paragraph",
                    (
                        "<p>Las autoridades qadiríes se han mostrado más cautas. El emirato aceptó "
                        "la misión presionado por sus vecinos, pero se opone a que los "
                        "observadores operen a menos de tres kilómetros de sus posiciones "
                        "militares. Rashid Tamimi, negociador jefe de Qadira, afirmó en un <a "
                        'href="https://qadira-mofa.example.org/statements/2026-09-07-monitoring-'
                        'mission">comunicado difundido el lunes</a> que el emirato cooperará '
                        "«dentro de los términos acordados y no más allá».</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "El Emirato de Qadira cumple sus compromisos. Daremos a los "
                            "observadores el acceso que prevé el acuerdo, y esperamos la misma "
                            "disciplina del otro lado del valle."
                        ),
                        "person": "rashid-tamimi",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>Las organizaciones humanitarias creen que el despliegue puede ayudar a "
                        "las familias desplazadas a decidir si es seguro regresar. La Agencia de "
                        "Ayuda Concord calcula que unas 60.000 personas siguen en refugios "
                        "provisionales en el lado sahlaní y una cifra similar en Qadira, muchas de "
                        "ellas en la localidad de Beit Arwa y sus alrededores, que no recibe "
                        "suministros con regularidad desde junio.</p>"
                    ),
                ),
            ],
        },
    ],
    "ar": [
        {
            "slug": "monitoring-mission-mandate-extended",
            "title": "جمعية الأمم تمدد ولاية بعثة المراقبة في زرقان عاماً إضافياً",
            "lead": (
                "جددت جمعية الأمم يوم الثلاثاء ولاية بعثة مراقبة حدود زرقان، وضاعفت عدد المراقبين "
                "الذين يحق لها نشرهم، بعدما طلبت كل من سهلان وقديرة بقاء البعثة."
            ),
            "image_alt": "مراقب يحمل منظاراً فوق مرتفع صخري يطل على حقول مدرّجة ونهر",
            "image_caption": (
                "نقطة مراقبة تشرف على الجزء الأدنى من وادي زرقان، حيث بدأت بعض العائلات بالعودة."
            ),
            "body": [
                (
                    "paragraph",
                    (
                        "<p>قررت جمعية الأمم يوم الثلاثاء تمديد ولاية بعثة مراقبة حدود زرقان اثني "
                        "عشر شهراً، ورفع عدد المراقبين المأذون لها بنشرهم من 120 إلى 240 مراقباً. "
                        "واعتُمد القرار من دون تصويت، بعدما وجّهت كل من سهلان وقديرة رسالة إلى "
                        "الجمعية تطلب فيها استمرار عمل البعثة، بحسب <a "
                        'href="https://assembly.example.org/sessions/41/records/2026-11-10-'
                        'plenary">محضر الجلسة العامة</a>.</p>'
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>ويأتي التمديد فيما لا يزال مفاوضو البلدين في صفرا، حيث دخلت المحادثات "
                        "غير المباشرة بشأن وقف دائم لإطلاق النار أسبوعها السادس. وقال دبلوماسيون "
                        "إن مسودة الاتفاق باتت تتضمن بنداً يدعو البعثة إلى التحقق من سحب الأسلحة "
                        "الثقيلة من منطقة بعمق عشرة كيلومترات على جانبي الحدود، وهو ما يستلزم "
                        "المراقبين الإضافيين.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "نادراً ما يطلب طرفا نزاع من هذه الجمعية أن تواصل مراقبتهما. وحين "
                            "يفعلان ذلك، فهذه علامة على أن المراقبين نالوا قدراً من الثقة، ولا "
                            "يجوز لنا أن نفرّط فيه."
                        ),
                        "person": "henrik-dalmau",
                    },
                ),
                (
                    "heading",
                    "فجوة التمويل لا تزال قائمة",
                ),
                (
                    "paragraph",
                    (
                        "<p>غير أن ميزانية البعثة لا تزال مصدر قلق. فقد أبلغت رئيستها الدول "
                        "الأعضاء الأسبوع الماضي أن البعثة لم تتسلّم سوى 70 في المئة من التمويل "
                        "الموعود لعامها الأول، وأن المراقبين عجزوا أحياناً عن تسيير دورياتهم بسبب "
                        "نقص المركبات والوقود. وأعلنت دول أعضاء عدة تعهدات جديدة أوردها <a "
                        'href="https://zbmm.example.org/funding/pledges-2026-2027">جدول '
                        "التعهدات</a> الذي نشرته البعثة، لكن مجموعها لا يزال دون الاحتياجات "
                        "المقدّرة.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "الولاية من دون تمويل وعدٌ لا نقدر على الوفاء به. المراقبون مستعدون "
                            "لبذل المزيد، لكنهم بحاجة إلى مركبات صالحة للعمل وإلى وقود لتسييرها."
                        ),
                        "person": "nadia-haddar",
                    },
                ),
                (
                    "read_more",
                    "aid-convoys-stalled-at-zerqan-crossing",
                ),
                (
                    "paragraph",
                    (
                        "<p>وقال وزير خارجية سهلان سمير عثاني، الذي ألقى كلمة أمام الجمعية قبل "
                        "صدور القرار، إن تقارير البعثة أسهمت في الحد من الخروقات على طول الحدود، "
                        "ومنحت العائلات النازحة ما يكفي من الطمأنينة لتبدأ العودة إلى بعض القرى في "
                        "الجزء الأدنى من وادي زرقان، حيث أعيد فتح المدارس الأسبوع الماضي.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": (
                            "لقد منح المراقبون أهالي الوادي ما لم تكن أي من الحكومتين قادرة على "
                            "منحهم إياه بمفردها: شاهداً يصدّقه الطرفان."
                        ),
                        "person": "samir-othani",
                    },
                ),
                (
                    "paragraph",
                    (
                        "<p>وقال ممثل قديرة أمام الجمعية إن الإمارة تؤيد التمديد، لكنها تريد من "
                        "البعثة أن تنشر مزيداً من التفاصيل عن الطريقة التي تتحقق بها من البلاغات "
                        "المتعلقة بالخروقات. في المقابل، حثّت منظمات حقوقية البعثة على توثيق "
                        "الانتهاكات المرتكبة بحق المدنيين إلى جانب الحوادث العسكرية، وهي مهمة تقع "
                        "خارج نطاق ولايتها الحالية.</p>"
                    ),
                ),
            ],
        },
    ],
}
