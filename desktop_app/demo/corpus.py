"""Phrase tables for demo inquiries: who comes to a partnership desk, and what they ask.

Demo data has to look like a real month at a branch desk, or screenshots, the dashboard and
search tests show nothing a clerk would recognise. The scenarios follow the seed reports: firms
looking for regional producers, shopping streets (商店街) inviting 物産展 and マルシェ, NPOs on
disaster support, municipalities asking for antenna shops and staff exchange, universities
looking for field sites, residents asking about 移住, ふるさと納税 and volunteering.

Templates use the slots {muni} (a real municipality from the database), {product}, {event},
{town} (a Minato town), {season}, {dept} (a ward department) and {topic}. Weights are relative.
Pure data: demo/generator.py composes it.
"""

from __future__ import annotations

from dataclasses import dataclass

Weighted = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Story:
    """One matter as a subject line and the request sentences that tell the same story.

    A case's subject and the request in its content are drawn from one story, so that a
    subject about 郷土料理の教室 never comes with a content about スポーツ交流試合.
    """

    subjects: tuple[str, ...]
    requests: tuple[str, ...]  # the sentence of the content that says what is wanted


@dataclass(frozen=True)
class Scenario:
    """One kind of request, with the vocabulary codes a clerk would give it."""

    key: str
    weight: float
    inquirer_types: Weighted
    stories: tuple[Story, ...]  # what is asked: each a subject and the contents that match it
    topic: str  # how a follow-up note refers to the matter
    fields: tuple[str, ...]  # the first always applies; each other one often
    forms: tuple[str, ...]  # the first always applies; each other one sometimes
    relationships: Weighted
    channels: Weighted
    steps: Weighted
    info_only: float  # share of closed cases that end as 情報提供で完了
    targets: tuple[int, int]  # how many municipalities the inquiry names (min, max)


_VISIT_PHONE: Weighted = (("visit", 4), ("phone", 4), ("email", 2), ("online", 1))
_GOV_CHANNELS: Weighted = (("email", 4), ("phone", 3), ("letter", 2), ("visit", 1), ("online", 1))
_INFORM: Weighted = (("1_inform", 6), ("2_connect", 3), ("3_selfrun", 1))
_CONNECT: Weighted = (("1_inform", 3), ("2_connect", 5), ("3_selfrun", 2))

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        key="firm_producers",
        weight=12,
        inquirer_types=(("business", 9), ("public_interest", 1)),
        stories=(
            Story(
                subjects=(
                    "{muni}の{product}を扱う生産者を紹介してほしい",
                    "{product}の産地と直接取引できる事業者を探している",
                    "{product}の仕入れ先として{muni}の事業者とつながりたい",
                ),
                requests=(
                    "地方の生産者と継続的に取引できる関係をつくりたいので、窓口になる方を紹介してほしい。",
                    "{muni}の{product}に関心があり、生産者や加工業者の情報がほしい。",
                    "区の全国連携のネットワークを通じて、{product}の産地とのマッチングをお願いしたい。",
                    "試験的に少量から取引を始めたい。{season}ごろまでに商談の場を設けられないか。",
                ),
            ),
            Story(
                subjects=("社員食堂で{muni}産の{product}を使いたい",),
                requests=(
                    "社員食堂のメニューに{muni}産の{product}を取り入れ、産地の応援につなげたい。安定して仕入れられる生産者を紹介してほしい。",
                    "{season}に社員食堂で{muni}フェアを開きたい。{product}の仕入れ先を相談したい。",
                ),
            ),
            Story(
                subjects=("自社イベントで{muni}の{product}を販売したい",),
                requests=(
                    "{season}に開く自社の{event}で、{muni}の{product}を販売するコーナーを設けたい。出品してくれる生産者を探している。",
                    "来場者に産地の魅力を伝えたいので、{muni}の方にも売り場に立ってもらえないか。",
                ),
            ),
            Story(
                subjects=("{muni}の{product}を使った新商品を共同開発したい",),
                requests=(
                    "{muni}の{product}を使った新商品を共同で開発したい。加工を引き受けてくれる事業者を紹介してほしい。",
                    "商品開発の相手として、{muni}の生産者団体や加工業者とつながりたい。",
                ),
            ),
        ),
        topic="生産者の紹介",
        fields=("food", "industry", "tourism"),
        forms=("matching", "info", "cooperation"),
        relationships=(("business_business", 6), ("hub", 4)),
        channels=(("email", 4), ("phone", 3), ("visit", 2), ("online", 2), ("event", 1)),
        steps=_CONNECT,
        info_only=0.3,
        targets=(1, 2),
    ),
    Scenario(
        key="shopping_street_market",
        weight=10,
        inquirer_types=(("shopping_street", 8), ("neighborhood", 1), ("business", 1)),
        stories=(
            Story(
                subjects=(
                    "{town}商店街の{event}に{muni}の出店をお願いしたい",
                    "{event}の出店自治体の募集方法について",
                ),
                requests=(
                    "{season}に予定している{event}に、全国の自治体に出店してもらいたい。",
                    "以前の{event}が好評だったので、今年は出店自治体を増やしたい。区から声をかけてもらえないか。",
                ),
            ),
            Story(
                subjects=("商店街マルシェに参加してくれる自治体を探している",),
                requests=(
                    "{season}に商店街でマルシェを開くので、{product}などを出品してくれる自治体を探している。",
                    "商店街マルシェの出店者として、区と交流のある自治体に声をかけてもらえないか。",
                ),
            ),
            Story(
                subjects=("{season}の商店街まつりで{muni}の物産展を開きたい",),
                requests=(
                    "{season}の商店街まつりに合わせて、{muni}の物産展を開きたい。出展の段取りを相談したい。",
                    "まつりの来場者に{muni}の{product}を紹介したい。",
                ),
            ),
            Story(
                subjects=("商店街の空き店舗で{muni}の{product}を販売できないか",),
                requests=(
                    "商店街のにぎわいづくりのため、空き店舗を使って{muni}の{product}を紹介するコーナーを設けたい。",
                    "空き店舗を期間限定の売り場として、{muni}に出店を呼びかけてもらえないか。",
                ),
            ),
            Story(
                subjects=("{muni}の商店街との交流事業を始めたい",),
                requests=(
                    "{muni}の商店街振興の取組と情報交換し、相互に出店し合う関係をつくりたい。",
                    "商店街同士の交流を通じて、互いの{event}に出店し合えるようにしたい。",
                ),
            ),
        ),
        topic="出店自治体の募集",
        fields=("food", "tourism", "industry"),
        forms=("co_host", "cooperation", "publicity", "matching"),
        relationships=(("hub", 6), ("business_business", 3), ("resident_resident", 1)),
        channels=(("visit", 5), ("phone", 3), ("email", 2), ("event", 1)),
        steps=_CONNECT,
        info_only=0.2,
        targets=(1, 3),
    ),
    Scenario(
        key="disaster_support",
        weight=9,
        inquirer_types=(("npo", 5), ("voluntary", 2), ("neighborhood", 3), ("public_interest", 1)),
        stories=(
            Story(
                subjects=(
                    "防災訓練に{muni}の職員を招きたい",
                    "{town}町会の防災講習で連携自治体の事例を紹介してほしい",
                ),
                requests=(
                    "町会の防災訓練（{season}予定）に、連携自治体の職員に参加してもらえないか。",
                    "地域の防災力を高めるため、{muni}で災害を経験した方から話を聞く機会をつくりたい。",
                ),
            ),
            Story(
                subjects=("{muni}の被災地支援ボランティアを募りたい",),
                requests=(
                    "被災地支援の活動を続けており、区と連携自治体の協力を得て支援の輪を広げたい。",
                    "{muni}の被災地で活動するボランティアを区内で募りたい。募集の広報に協力してほしい。",
                ),
            ),
            Story(
                subjects=("災害時の相互支援について{muni}と話し合いたい",),
                requests=(
                    "大規模災害の際に互いに支援できるよう、平時から住民同士の交流をしておきたい。",
                    "災害時に物資や人を送り合えるよう、{muni}と話し合いの場を持ちたい。",
                ),
            ),
            Story(
                subjects=("災害時の避難者受入れについて{muni}の考えを聞きたい",),
                requests=(
                    "首都直下地震に備え、{muni}に区民の避難者を受け入れてもらえるか、先方の考えを聞きたい。",
                    "区民の避難先として{muni}と協定を結べないか相談したい。",
                ),
            ),
            Story(
                subjects=("被災地の{product}を販売する復興支援マルシェを開きたい",),
                requests=(
                    "被災地の生産者を応援するため、{product}を販売する復興支援マルシェを{season}に開きたい。",
                    "復興支援マルシェに出店してくれる{muni}の生産者を紹介してほしい。",
                ),
            ),
        ),
        topic="防災連携",
        fields=("disaster", "welfare", "education"),
        forms=("cooperation", "co_host", "grant", "training"),
        relationships=(("resident_resident", 5), ("hub", 3), ("gov_project", 1)),
        channels=_VISIT_PHONE,
        steps=_INFORM,
        info_only=0.35,
        targets=(1, 2),
    ),
    Scenario(
        key="antenna_shop",
        weight=8,
        inquirer_types=(("municipality", 9), ("public_interest", 1)),
        stories=(
            Story(
                subjects=(
                    "区内でアンテナショップを出店したい",
                    "{muni}のアンテナショップ運営を委託できる事業者を知りたい",
                ),
                requests=(
                    "アンテナショップの出店候補地として、区内の空き物件や区有施設の情報がほしい。",
                    "首都圏での販路拡大のため、区内にアンテナショップを開きたい。運営を任せられる事業者も探している。",
                ),
            ),
            Story(
                subjects=("{muni}の物産展を区内で開催したい",),
                requests=(
                    "{muni}として、首都圏での販路拡大と観光PRのため、区内で物産展を開きたい。",
                    "物産展の会場として使える区の施設や商店街を紹介してほしい。",
                ),
            ),
            Story(
                subjects=("区の施設で{muni}の観光PRイベントを開きたい",),
                requests=(
                    "区民に{muni}の観光の魅力を伝える場として、区の施設を借りたい。",
                    "{season}に観光PRイベントを開きたい。会場と日程を相談したい。",
                ),
            ),
            Story(
                subjects=("{event}への出展について（{muni}）",),
                requests=(
                    "区の{event}に出展し、{muni}の観光と移住の情報を発信したい。",
                    "{event}の出展要項と申込みの締切を教えてほしい。",
                ),
            ),
            Story(
                subjects=("区のイベントで{muni}の{product}を販売させてほしい",),
                requests=(
                    "区内の商店街やイベントで{product}を販売できる機会を紹介してほしい。",
                    "{season}の区のイベントで、{muni}の{product}を販売するブースを出したい。",
                ),
            ),
        ),
        topic="物産展の出店",
        fields=("tourism", "food", "industry", "migration"),
        forms=("publicity", "co_host", "cooperation", "commission"),
        relationships=(("gov_project", 8), ("hub", 2)),
        channels=_GOV_CHANNELS,
        steps=_CONNECT,
        info_only=0.25,
        targets=(1, 1),
    ),
    Scenario(
        key="staff_exchange",
        weight=4,
        inquirer_types=(("municipality", 8), ("department", 2)),
        stories=(
            Story(
                subjects=(
                    "職員交流（人事交流）の受入れについて",
                    "{muni}との職員相互派遣の可能性を相談したい",
                ),
                requests=(
                    "{muni}では、首都圏の行政実務を学ぶため、職員を一定期間派遣したいと考えている。",
                    "災害時の応援体制づくりも兼ねて、職員同士の人事交流を検討している。",
                ),
            ),
            Story(
                subjects=("職員研修の受入れ先として区の部署を紹介してほしい",),
                requests=(
                    "若手職員の研修として、区の窓口業務を数日間見学させてもらいたい。",
                    "研修を受け入れてもらえる部署と、受入れの時期を相談したい。",
                ),
            ),
            Story(
                subjects=("{muni}への職員派遣の実績と手続きを知りたい",),
                requests=(
                    "派遣期間、受入れ部署、費用負担の考え方について、過去の例を教えてほしい。",
                ),
            ),
        ),
        topic="職員交流",
        fields=("staff_exchange", "disaster", "employment"),
        forms=("cooperation", "training", "committee"),
        relationships=(("gov_staff", 9), ("gov_project", 1)),
        channels=_GOV_CHANNELS,
        steps=_CONNECT,
        info_only=0.3,
        targets=(1, 1),
    ),
    Scenario(
        key="university_field",
        weight=6,
        inquirer_types=(("education", 9), ("voluntary", 1)),
        stories=(
            Story(
                subjects=(
                    "学生のフィールドワーク先として{muni}を紹介してほしい",
                    "ゼミの地域連携プロジェクトで受入れ自治体を探している",
                    "{season}の合宿で地域課題の調査をさせてもらえる自治体を探している",
                ),
                requests=(
                    "学生が現地に滞在して地域の課題を調べ、解決策を提案するプロジェクトを計画している。",
                    "{muni}の方に授業で講演してもらい、その後の現地実習につなげたい。",
                ),
            ),
            Story(
                subjects=("{muni}と大学の連携協定について相談したい",),
                requests=(
                    "大学と自治体の連携の事例を知りたい。区が仲立ちをしてもらえないか。",
                    "{muni}と包括連携協定を結びたい。協定の進め方と先方の窓口を教えてほしい。",
                ),
            ),
            Story(
                subjects=("学生が{muni}の{product}の販売を手伝う企画について",),
                requests=(
                    "研究室で{product}の販路開拓を研究しており、協力してくれる生産地を探している。",
                    "学生が区内のイベントで{muni}の{product}を販売し、売り方を学ぶ企画を考えている。",
                ),
            ),
        ),
        topic="大学との連携",
        fields=("university", "education", "migration", "environment"),
        forms=("matching", "cooperation", "training"),
        relationships=(("hub", 6), ("resident_resident", 2), ("business_business", 2)),
        channels=(("email", 5), ("visit", 3), ("phone", 2), ("online", 2)),
        steps=_CONNECT,
        info_only=0.25,
        targets=(0, 2),
    ),
    Scenario(
        key="resident_migration",
        weight=9,
        inquirer_types=(("resident", 10),),
        stories=(
            Story(
                subjects=("{muni}への移住について相談したい",),
                requests=(
                    "{season}ごろに家族で移住を考えている。住まいと仕事の情報がほしい。",
                    "{muni}の移住支援金や空き家バンクの窓口を教えてほしい。",
                ),
            ),
            Story(
                subjects=("定年後に{muni}で暮らしたい",),
                requests=(
                    "退職後は夫婦で{muni}に移り住みたい。住まいと暮らしの情報がほしい。",
                    "{muni}の空き家バンクの窓口を教えてほしい。",
                ),
            ),
            Story(
                subjects=("地方移住の相談会の日程を知りたい",),
                requests=(
                    "移住相談会に参加したいが、どこで開かれているか知りたい。",
                    "{season}に開かれる移住相談会の日程と会場を知りたい。",
                ),
            ),
            Story(
                subjects=("{muni}での二地域居住について情報がほしい",),
                requests=("テレワークをしながら{muni}と東京の二か所で暮らしたい。",),
            ),
            Story(
                subjects=("子育て世帯向けの移住支援制度を知りたい",),
                requests=(
                    "子どもが小学校に上がる前に、自然の多い地域へ移りたい。子育て世帯への支援制度を知りたい。",
                ),
            ),
            Story(
                subjects=("地域おこし協力隊の募集について",),
                requests=("地域おこし協力隊に応募したい。{muni}で募集があるか知りたい。",),
            ),
        ),
        topic="移住相談",
        fields=("migration", "employment", "education"),
        forms=("info", "matching"),
        relationships=(("hub", 6), ("resident_resident", 4)),
        channels=(("visit", 4), ("phone", 4), ("email", 2), ("event", 1), ("online", 1)),
        steps=_INFORM,
        info_only=0.8,
        targets=(0, 2),
    ),
    Scenario(
        key="resident_furusato",
        weight=6,
        inquirer_types=(("resident", 10),),
        stories=(
            Story(
                subjects=(
                    "ふるさと納税の返礼品について知りたい",
                    "{muni}のふるさと納税について教えてほしい",
                ),
                requests=(
                    "{muni}を応援したいので、ふるさと納税の方法と問い合わせ先を知りたい。",
                    "{muni}の返礼品に{product}があるか知りたい。",
                ),
            ),
            Story(
                subjects=(
                    "{muni}の{product}を応援購入したい",
                    "区の交流自治体の特産品を買える場所を知りたい",
                ),
                requests=(
                    "区と交流のある自治体の{product}を買える店やイベントを教えてほしい。",
                    "{event}で買った{product}がおいしかったので、また購入したい。",
                ),
            ),
        ),
        topic="ふるさと納税",
        fields=("food", "tourism", "other"),
        forms=("info",),
        relationships=(("hub", 7), ("resident_resident", 3)),
        channels=(("phone", 5), ("visit", 3), ("email", 2)),
        steps=_INFORM,
        info_only=0.9,
        targets=(0, 1),
    ),
    Scenario(
        key="resident_volunteer",
        weight=6,
        inquirer_types=(("resident", 7), ("voluntary", 3)),
        stories=(
            Story(
                subjects=("{muni}での農業ボランティアに参加したい",),
                requests=("週末を使って{muni}の農家で収穫を手伝うボランティアに参加したい。",),
            ),
            Story(
                subjects=("被災地ボランティアに参加する方法を知りたい",),
                requests=(
                    "仲間と一緒に被災地の復興を継続的に支援したい。受入れ先を紹介してほしい。",
                ),
            ),
            Story(
                subjects=("{season}の{muni}の祭りの運営を手伝いたい",),
                requests=(
                    "{muni}の祭りが担い手不足と聞いた。{season}の祭りの準備や運営を手伝いたい。",
                ),
            ),
            Story(
                subjects=("里山保全のボランティア活動を紹介してほしい",),
                requests=(
                    "自然の中で活動したい。森林整備や里山保全のボランティアの情報がほしい。",
                ),
            ),
            Story(
                subjects=("地方の高齢者の見守り活動に協力したい",),
                requests=(
                    "離れて暮らす高齢者を見守る活動に参加したい。{muni}で活動している団体を知りたい。",
                ),
            ),
        ),
        topic="ボランティア参加",
        fields=("disaster", "food", "welfare", "forest"),
        forms=("info", "matching"),
        relationships=(("resident_resident", 7), ("hub", 3)),
        channels=_VISIT_PHONE,
        steps=_INFORM,
        info_only=0.6,
        targets=(0, 1),
    ),
    Scenario(
        key="timber",
        weight=4,
        inquirer_types=(("business", 5), ("department", 3), ("municipality", 2)),
        stories=(
            Story(
                subjects=(
                    "国産木材（{muni}産材）を区の施設で使いたい",
                    "区内の建築で使える協定自治体の木材を知りたい",
                ),
                requests=(
                    "区内の建築物で国産木材の利用を進めたい。{muni}産材の供給体制を知りたい。",
                    "木材の産地と設計事務所をつなぐ場を設けてほしい。",
                ),
            ),
            Story(
                subjects=("みなと森と水ネットワーク会議への参加について",),
                requests=(
                    "協定自治体の森林整備と連携して、カーボン・オフセットに取り組みたい。",
                    "会議に参加して、{muni}など協定自治体と木材利用の情報交換をしたい。",
                ),
            ),
            Story(
                subjects=("{muni}の木材を使った家具の展示会を開きたい",),
                requests=(
                    "{muni}の木材で作った家具を区内で展示し、木のよさを伝えたい。会場と出展者を相談したい。",
                ),
            ),
        ),
        topic="木材利用",
        fields=("forest", "environment", "industry"),
        forms=("committee", "cooperation", "matching"),
        relationships=(("gov_project", 4), ("business_business", 4), ("hub", 2)),
        channels=(("email", 4), ("phone", 3), ("visit", 2), ("referral", 1)),
        steps=_CONNECT,
        info_only=0.25,
        targets=(1, 2),
    ),
    Scenario(
        key="environment",
        weight=4,
        inquirer_types=(("npo", 4), ("business", 4), ("voluntary", 2)),
        stories=(
            Story(
                subjects=("再生可能エネルギーの電力を{muni}から調達したい",),
                requests=("{muni}の自然エネルギーを区内の事業所で使う仕組みを検討している。",),
            ),
            Story(
                subjects=("{muni}の森づくりに企業として協力したい",),
                requests=("社員が参加できる植林や森林保全の活動を通じて、地域に貢献したい。",),
            ),
            Story(
                subjects=("脱炭素の取組で連携できる自治体を探している",),
                requests=(
                    "脱炭素の取組を進める自治体と、再生可能エネルギーや森林保全で連携したい。",
                ),
            ),
            Story(
                subjects=("環境学習ツアーの受入れ先を探している",),
                requests=("子ども向けの環境学習で、{muni}の自然を体験できるツアーを企画したい。",),
            ),
        ),
        topic="環境分野の連携",
        fields=("environment", "forest", "education"),
        forms=("cooperation", "matching", "policy_proposal"),
        relationships=(("business_business", 4), ("hub", 4), ("resident_resident", 2)),
        channels=(("email", 4), ("online", 2), ("visit", 2), ("phone", 2)),
        steps=_CONNECT,
        info_only=0.3,
        targets=(1, 2),
    ),
    Scenario(
        key="children_exchange",
        weight=4,
        inquirer_types=(("education", 5), ("neighborhood", 3), ("voluntary", 2)),
        stories=(
            Story(
                subjects=("小学校の移動教室で{muni}を訪問したい",),
                requests=(
                    "子どもたちが{muni}の自然や暮らしを体験できる機会をつくりたい。",
                    "移動教室の行き先として{muni}を考えている。宿泊先と体験の受入れを相談したい。",
                ),
            ),
            Story(
                subjects=("子どもの農山村体験の受入れ先を探している",),
                requests=(
                    "地域の子ども会で、{season}に農家民泊の体験をさせたい。",
                    "子どもたちが{muni}の自然や暮らしを体験できる機会をつくりたい。",
                ),
            ),
            Story(
                subjects=("{muni}の子どもたちとのオンライン交流について",),
                requests=("学校同士でオンライン交流をしたい。相手校を紹介してもらえないか。",),
            ),
            Story(
                subjects=("夏休みの子ども交流事業に{muni}と参加したい",),
                requests=("夏休みに区内と{muni}の子どもが互いの地域を訪ねる交流事業をしたい。",),
            ),
        ),
        topic="子どもの交流",
        fields=("education", "culture", "sports"),
        forms=("cooperation", "matching", "co_host"),
        relationships=(("resident_resident", 6), ("gov_project", 2), ("hub", 2)),
        channels=_VISIT_PHONE,
        steps=_CONNECT,
        info_only=0.3,
        targets=(1, 1),
    ),
    Scenario(
        key="culture_sports",
        weight=4,
        inquirer_types=(("voluntary", 4), ("public_interest", 3), ("neighborhood", 3)),
        stories=(
            Story(
                subjects=("{muni}の伝統芸能を区のお祭りで披露してもらいたい",),
                requests=("{town}の{season}のお祭りで、{muni}の郷土芸能を紹介したい。",),
            ),
            Story(
                subjects=("{muni}のチームとスポーツの交流試合をしたい",),
                requests=("地域のスポーツクラブ同士で交流試合と合宿をしたい。",),
            ),
            Story(
                subjects=("{event}で郷土料理の教室を開きたい",),
                requests=("{event}の会場で、{muni}の方を講師に郷土料理の教室を開きたい。",),
            ),
            Story(
                subjects=("{muni}の芸術祭と区内の団体の交流について",),
                requests=(
                    "文化交流を通じて、{muni}の方々と区民が継続的に行き来する関係をつくりたい。",
                    "{muni}の芸術祭に区内の団体として作品を出したい。",
                ),
            ),
        ),
        topic="文化・スポーツ交流",
        fields=("culture", "sports", "tourism"),
        forms=("co_host", "endorsement", "cooperation"),
        relationships=(("resident_resident", 6), ("hub", 4)),
        channels=_VISIT_PHONE,
        steps=_CONNECT,
        info_only=0.25,
        targets=(1, 1),
    ),
    Scenario(
        key="department_request",
        weight=5,
        inquirer_types=(("department", 10),),
        stories=(
            Story(
                subjects=("{dept}の事業で連携できる自治体を探している",),
                requests=(
                    "{dept}として、全国の自治体と連携した事業を来年度予算に盛り込みたい。",
                    "所管事業の課題解決に、連携自治体の知見を借りたい。候補を挙げてほしい。",
                ),
            ),
            Story(
                subjects=("介護人材の確保で連携できる自治体を紹介してほしい",),
                requests=(
                    "区内の介護事業所の人材不足が深刻で、地方の自治体と人材の育成や交流で連携したい。",
                ),
            ),
            Story(
                subjects=("区民健康村の利用促進について{muni}と調整したい",),
                requests=(
                    "区民健康村の利用者を増やすため、{muni}と共同でPRをしたい。",
                    "{muni}との調整窓口を教えてほしい。先方の担当課につないでもらえないか。",
                ),
            ),
            Story(
                subjects=("{dept}の{event}に協定自治体の出展を依頼したい",),
                requests=(
                    "{dept}が開く{event}に、協定自治体に出展してもらいたい。依頼の窓口を教えてほしい。",
                ),
            ),
            Story(
                subjects=("外国人住民向けの防災教室を{muni}と共同で開きたい",),
                requests=(
                    "外国人住民が増えており、{muni}の多言語での防災の取組を参考に、共同で教室を開きたい。",
                ),
            ),
        ),
        topic="庁内の連携事業",
        fields=("welfare", "employment", "multicultural", "disaster"),
        forms=("cooperation", "committee", "commission"),
        relationships=(("gov_project", 8), ("gov_staff", 2)),
        channels=(("referral", 6), ("email", 3), ("phone", 1)),
        steps=_CONNECT,
        info_only=0.2,
        targets=(1, 2),
    ),
    Scenario(
        key="multicultural",
        weight=3,
        inquirer_types=(("npo", 5), ("public_interest", 3), ("voluntary", 2)),
        stories=(
            Story(
                subjects=("多文化共生の取組事例について{muni}と情報交換したい",),
                requests=("外国人住民の支援の経験を、{muni}の団体と共有したい。",),
            ),
            Story(
                subjects=("外国人材の受入れで地方の自治体と連携したい",),
                requests=(
                    "外国人材が地方で働き続けられるよう、受入れ地域とのネットワークをつくりたい。",
                ),
            ),
            Story(
                subjects=("やさしい日本語の講座を共同で開きたい",),
                requests=("やさしい日本語の講座を、{muni}の国際交流協会と共同で開きたい。",),
            ),
        ),
        topic="多文化共生",
        fields=("multicultural", "employment", "education"),
        forms=("training", "cooperation", "policy_proposal"),
        relationships=(("hub", 5), ("resident_resident", 5)),
        channels=(("email", 4), ("visit", 3), ("online", 3)),
        steps=_INFORM,
        info_only=0.35,
        targets=(0, 1),
    ),
    Scenario(
        key="endorsement_grant",
        weight=4,
        inquirer_types=(("npo", 4), ("voluntary", 3), ("public_interest", 3)),
        stories=(
            Story(
                subjects=("{event}に区の後援名義をいただきたい",),
                requests=("{season}に開く{event}について、区の後援名義の使用を申請したい。",),
            ),
            Story(
                subjects=("全国連携の活動に使える助成金はあるか",),
                requests=("地方との交流活動を続けるための助成制度を知りたい。",),
            ),
            Story(
                subjects=("区の全国連携施策への提案",),
                requests=("全国連携の推進について、団体としての提案をまとめたので聞いてほしい。",),
            ),
            Story(
                subjects=("{muni}との交流事業への補助について",),
                requests=("{muni}との交流事業の費用の一部に、区の補助を受けられないか知りたい。",),
            ),
        ),
        topic="後援・助成",
        fields=("culture", "food", "other"),
        forms=("endorsement", "grant", "policy_proposal"),
        relationships=(("resident_resident", 5), ("hub", 5)),
        channels=(("letter", 3), ("visit", 3), ("email", 3), ("phone", 1)),
        steps=_INFORM,
        info_only=0.4,
        targets=(0, 1),
    ),
    Scenario(
        key="other",
        weight=3,
        inquirer_types=(("other", 6), ("resident", 2), ("business", 2)),
        stories=(
            Story(
                subjects=("全国連携の取組について取材したい",),
                requests=("区の全国連携の取組を記事で紹介したい。担当者に話を聞けないか。",),
            ),
            Story(
                subjects=(
                    "全国連携事業の資料がほしい",
                    "連携自治体の一覧を見たい",
                ),
                requests=("連携自治体の一覧と、これまでの主な交流事業の資料がほしい。",),
            ),
            Story(
                subjects=("{muni}の観光情報を知りたい",),
                requests=(
                    "{season}に{muni}へ旅行する予定なので、観光の情報や問い合わせ先を知りたい。",
                ),
            ),
        ),
        topic="資料請求",
        fields=("other", "tourism"),
        forms=("info", "publicity"),
        relationships=(("hub", 8), ("business_business", 2)),
        channels=(("phone", 4), ("email", 4), ("letter", 1), ("event", 1)),
        steps=_INFORM,
        info_only=0.9,
        targets=(0, 1),
    ),
)

# Office shares of all inquiries: the central office also takes calls from municipalities.
OFFICE_WEIGHTS: dict[str, float] = {
    "HQ": 3,
    "SHIBA": 2.5,
    "AZABU": 2,
    "AKASAKA": 2,
    "TAKANAWA": 1.5,
    "SHIBAURA": 2,
}

DOMAINS: Weighted = (("B", 3), ("C", 4), ("D", 3), ("", 2))  # "" = not classified

# How closed cases end, apart from 情報提供で完了 (its share is per scenario).
CLOSED_OUTCOMES: Weighted = (("matched", 5), ("not_matched", 3), ("withdrawn", 1))

OUTCOMES: dict[str, tuple[str, ...]] = {
    "matched": (
        "{muni}の担当課と引き合わせ、{topic}について継続的な連携が始まった。",
        "{muni}との間で{event}の共同開催が決まった。",
        "双方で打合せを行い、{season}から交流事業を実施することになった。",
        "マッチング会で{muni}の事業者と商談が成立した。",
    ),
    "not_matched": (
        "{muni}に照会したが、今年度は受入れが難しいとの回答。",
        "条件（時期・費用）が合わず、今回は見送りとなった。",
        "候補となる自治体が見つからなかった。次年度に再度検討する。",
    ),
    "info_only": (
        "{topic}に関する資料を渡し、問い合わせ先を案内して完了。",
        "{muni}の窓口を紹介した。",
        "関連する相談会・イベントの情報を提供した。",
    ),
    "withdrawn": (
        "相談者の事情により取下げ。",
        "企画そのものが中止となったため取下げ。",
    ),
}

ACTION_KINDS: Weighted = (
    ("call", 5),
    ("meeting", 3),
    ("documents", 3),
    ("inquiry_to_municipality", 2),
    ("matching_event", 1),
    ("note", 2),
)

ACTION_NOTES: dict[str, tuple[str, ...]] = {
    "call": (
        "{person}に電話し、{topic}の進み具合を確認した。",
        "{person}から電話。希望する時期と規模を聞き取った。",
        "折り返しの電話で、先方の意向を伝えた。",
    ),
    "meeting": (
        "来所いただき、{topic}について面談。",
        "{muni}の担当者を交えてオンラインで打合せ。",
        "現地の状況と今後の進め方を面談で確認した。",
    ),
    "documents": (
        "{muni}のパンフレットと連携事業の資料を郵送した。",
        "過去の{event}の実施報告をメールで送付。",
        "申請書の様式を送付した。",
    ),
    "referral": (
        "{referred}に紹介し、回答を依頼した。",
        "{referred}へ相談内容を引き継いだ。",
    ),
    "inquiry_to_municipality": (
        "{muni}の担当課に受入れの可否を照会した。",
        "{muni}東京事務所に{topic}について問い合わせた。",
    ),
    "matching_event": (
        "全国連携マッチング会で{muni}の担当者と引き合わせた。",
        "{event}の場で関係者の交流会を開いた。",
    ),
    "note": (
        "次回は{season}の交流会で再度相談する予定。",
        "先方の内部検討待ち。",
        "担当者が異動したため、後任の方に引き継ぎを依頼。",
    ),
}

PRODUCTS: tuple[str, ...] = (
    "りんご",
    "米",
    "日本酒",
    "木材",
    "海産物",
    "干物",
    "地ビール",
    "お茶",
    "そば",
    "有機野菜",
    "果物",
    "乳製品",
    "ジビエ",
    "漆器",
    "和紙",
    "みかん",
    "梅干し",
    "昆布",
    "ワイン",
    "はちみつ",
    "しいたけ",
    "牛肉",
    "味噌",
    "工芸品",
)

EVENTS: tuple[str, ...] = (
    "物産展",
    "マルシェ",
    "収穫祭",
    "交流会",
    "防災フェア",
    "ふるさとフェア",
    "産業フェア",
    "観光PRイベント",
    "全国連携マルシェ",
    "区民まつり",
)

SEASONS: tuple[str, ...] = ("春", "初夏", "夏", "秋", "冬", "年末", "年明け")

# Towns of Minato ward: organisation names, addresses and local events.
TOWNS: tuple[str, ...] = (
    "芝",
    "三田",
    "高輪",
    "白金",
    "白金台",
    "麻布十番",
    "六本木",
    "赤坂",
    "元赤坂",
    "南青山",
    "北青山",
    "西麻布",
    "東麻布",
    "南麻布",
    "元麻布",
    "芝浦",
    "港南",
    "台場",
    "海岸",
    "浜松町",
    "虎ノ門",
    "新橋",
    "西新橋",
    "芝公園",
    "愛宕",
)

WARD_DEPARTMENTS: tuple[str, ...] = (
    "産業振興課",
    "防災課",
    "地域振興課",
    "環境課",
    "保健福祉課",
    "高齢者支援課",
    "子ども家庭課",
    "生涯学習推進課",
    "スポーツ推進課",
    "観光政策担当",
    "企画課",
    "人事課",
    "教育委員会事務局 学務課",
    "国際化推進担当",
)

MUNICIPAL_DEPARTMENTS: tuple[str, ...] = (
    "企画課",
    "政策推進課",
    "商工観光課",
    "農林課",
    "総務課",
    "移住定住推進室",
    "東京事務所",
    "防災危機管理課",
    "教育委員会",
    "ふるさと納税推進室",
)

# (kanji, katakana, romaji); the 異体字 rows (髙橋, 齋藤, 渡邊) are how duplicates sneak in.
FAMILY_NAMES: tuple[tuple[str, str, str], ...] = (
    ("佐藤", "サトウ", "sato"),
    ("鈴木", "スズキ", "suzuki"),
    ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"),
    ("伊藤", "イトウ", "ito"),
    ("渡辺", "ワタナベ", "watanabe"),
    ("山本", "ヤマモト", "yamamoto"),
    ("中村", "ナカムラ", "nakamura"),
    ("小林", "コバヤシ", "kobayashi"),
    ("加藤", "カトウ", "kato"),
    ("吉田", "ヨシダ", "yoshida"),
    ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"),
    ("山口", "ヤマグチ", "yamaguchi"),
    ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"),
    ("木村", "キムラ", "kimura"),
    ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"),
    ("清水", "シミズ", "shimizu"),
    ("山崎", "ヤマザキ", "yamazaki"),
    ("森", "モリ", "mori"),
    ("池田", "イケダ", "ikeda"),
    ("橋本", "ハシモト", "hashimoto"),
    ("阿部", "アベ", "abe"),
    ("石川", "イシカワ", "ishikawa"),
    ("前田", "マエダ", "maeda"),
    ("藤田", "フジタ", "fujita"),
    ("小川", "オガワ", "ogawa"),
    ("岡田", "オカダ", "okada"),
    ("長谷川", "ハセガワ", "hasegawa"),
    ("村上", "ムラカミ", "murakami"),
    ("近藤", "コンドウ", "kondo"),
    ("石井", "イシイ", "ishii"),
    ("髙橋", "タカハシ", "takahashi"),
    ("齋藤", "サイトウ", "saito"),
    ("渡邊", "ワタナベ", "watanabe"),
)

GIVEN_NAMES: tuple[tuple[str, str, str], ...] = (
    ("一郎", "イチロウ", "ichiro"),
    ("健太", "ケンタ", "kenta"),
    ("翔太", "ショウタ", "shota"),
    ("大輔", "ダイスケ", "daisuke"),
    ("直樹", "ナオキ", "naoki"),
    ("誠", "マコト", "makoto"),
    ("浩二", "コウジ", "koji"),
    ("隆", "タカシ", "takashi"),
    ("和也", "カズヤ", "kazuya"),
    ("拓也", "タクヤ", "takuya"),
    ("裕子", "ユウコ", "yuko"),
    ("恵子", "ケイコ", "keiko"),
    ("美咲", "ミサキ", "misaki"),
    ("陽子", "ヨウコ", "yoko"),
    ("真由美", "マユミ", "mayumi"),
    ("智子", "トモコ", "tomoko"),
    ("由美", "ユミ", "yumi"),
    ("彩", "アヤ", "aya"),
    ("さくら", "サクラ", "sakura"),
    ("花子", "ハナコ", "hanako"),
    ("亮", "リョウ", "ryo"),
    ("悠斗", "ユウト", "yuto"),
    ("結衣", "ユイ", "yui"),
    ("洋平", "ヨウヘイ", "yohei"),
    ("康弘", "ヤスヒロ", "yasuhiro"),
    ("千尋", "チヒロ", "chihiro"),
    ("修", "オサム", "osamu"),
    ("香織", "カオリ", "kaori"),
)

# Organisation names by inquirer type: a legal-form pattern and the words that fill it.
BUSINESS_PLACES: tuple[str, ...] = (
    "港",
    "芝",
    "高輪",
    "みなと",
    "東京",
    "湾岸",
    "ニッポン",
    "全国",
    "ふるさと",
    "三田",
    "青山",
    "赤坂",
    "六本木",
    "白金",
    "汐留",
    "竹芝",
)
BUSINESS_WORDS: tuple[str, ...] = (
    "フーズ",
    "物産",
    "商事",
    "トレーディング",
    "食品",
    "酒販",
    "ケータリング",
    "産直センター",
    "ホテル",
    "不動産",
    "建設",
    "木材",
    "エナジー",
    "デザイン",
    "システムズ",
    "観光",
    "ツーリスト",
    "出版",
    "印刷",
    "設計事務所",
    "商会",
    "ダイニング",
)
BUSINESS_FORMS: tuple[str, ...] = (
    "株式会社{x}",
    "{x}株式会社",
    "有限会社{x}",
    "合同会社{x}",
    "株式会社{x}",
    "㈱{x}",
)
NPO_WORDS: tuple[str, ...] = (
    "防災ネットワーク",
    "ふるさと応援団",
    "地域つなぎ隊",
    "まちづくり協議会",
    "こども食堂ネット",
    "森と水の会",
    "災害支援センター",
    "多文化共生センター",
    "里山保全の会",
    "移住サポートセンター",
    "農と食の学校",
    "子ども未来ラボ",
    "シニア活躍支援機構",
)
NPO_PLACES: tuple[str, ...] = ("みなと", "港区", "東京", "全国", "芝浦", "高輪", "赤坂", "麻布")
NPO_FORMS: tuple[str, ...] = ("NPO法人{x}", "特定非営利活動法人{x}", "NPO法人{x}")
VOLUNTARY_FORMS: tuple[str, ...] = (
    "{town}ボランティアの会",
    "{town}写真サークル",
    "{town}山歩きの会",
    "{town}郷土料理を楽しむ会",
    "{town}和太鼓クラブ",
    "{town}子ども会",
    "{town}防災ボランティア",
    "ふるさと応援サークル{town}",
)
NEIGHBORHOOD_FORMS: tuple[str, ...] = (
    "{town}一丁目町会",
    "{town}二丁目町会",
    "{town}三丁目町会",
    "{town}町会",
    "{town}自治会",
    "{town}町会連合会",
)
SHOPPING_STREET_FORMS: tuple[str, ...] = (
    "{town}商店街振興組合",
    "{town}商店会",
    "{town}通り商店会",
    "{town}商店街",
)
EDUCATION_FORMS: tuple[str, ...] = (
    "港国際大学 地域連携センター",
    "東京湾岸大学 社会連携推進室",
    "白金学院大学 観光学部",
    "高輪工科大学 まちづくり研究室",
    "三田文理大学 農学部",
    "芝浦情報大学 国際交流課",
    "赤坂経済大学 地域経済ゼミ",
    "港区立{town}小学校",
    "港区立{town}中学校",
    "{town}学園高等学校",
)
PUBLIC_INTEREST_FORMS: tuple[str, ...] = (
    "一般社団法人みなと観光推進協会",
    "公益社団法人全国ふるさと交流協会",
    "一般財団法人東京産業振興協会",
    "一般社団法人地域活性化推進機構",
    "社会福祉法人みなと福祉会",
    "公益財団法人都市農村交流センター",
    "一般社団法人日本ふるさと物産協会",
    "公益社団法人{town}スポーツ協会",
)
OTHER_FORMS: tuple[str, ...] = (
    "",
    "",
    "地方新聞 東京支社",
    "旅行雑誌 編集部",
    "{town}マンション管理組合",
    "個人事業主",
)

# The first sentence of the content: who is asking, in the way clerks write it down.
OPENINGS: dict[str, tuple[str, ...]] = {
    "resident": ("{town}在住の区民から。", "区民の方からの相談。", ""),
    "neighborhood": ("町会長からの相談。", "町会の役員会で話が出たとのこと。"),
    "shopping_street": ("商店街の理事長から。", "商店街の事務局から相談。"),
    "npo": ("NPOの代表者から。", "団体の事務局長から相談。"),
    "voluntary": ("活動団体の代表から。", "サークルの世話人からの相談。"),
    "business": ("区内事業者から。", "企業の担当者から相談。", "CSR担当部署から。"),
    "education": ("教員から相談。", "大学の担当者から。"),
    "public_interest": ("法人の事務局から。", "協会の担当者から相談。"),
    "municipality": ("{muni}の担当者から。", "{muni}から連携の申出。"),
    "department": ("{dept}から相談。", "{dept}の担当者から。"),
    "other": ("", "問い合わせ者から。"),
}

# Optional last sentences of the content.
DETAILS: tuple[str, ...] = (
    "予算は限られているが、できる範囲で進めたい。",
    "{season}までに方向性を決めたい。",
    "過去に同様の事例があれば教えてほしい。",
    "まずは電話で相談させてほしいとのこと。",
    "資料はメールで送ってほしいとのこと。",
    "関係者で打合せの場を設けたい。",
    "{muni}とは以前から個人的なつながりがある。",
    "区の後押しがあると先方も動きやすいとのこと。",
)

INQUIRER_NOTES: tuple[str, ...] = (
    "メールでの連絡を希望。",
    "平日の日中は電話がつながりにくい。",
    "担当者は年度ごとに替わる。",
    "前年度にも相談あり。",
)
