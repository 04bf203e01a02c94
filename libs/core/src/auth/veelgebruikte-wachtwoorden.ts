/**
 * Common passwords and the words people build them from, lower case: the most used passwords
 * of the widely published leak lists, keyboard patterns, and Dutch words, names, places, clubs
 * and seasons (`wachtwoord`, `welkom`, `zomer`, `ajax`). Compiled for this product, not
 * downloaded: `wachtwoordBezwaar` also refuses these with digits or symbols around them
 * (`Welkom2026!`) and in leetspeak (`w4chtw00rd`), which covers far more than the list spells
 * out. Extend it freely; one entry per word, separated by whitespace.
 */
const LIJST = `
0000 000000 0123456789 1111 11111 111111 11111111 112233 121212 123123 123123123 123321 1234
12344321 12345 1234512345 123451234512 123456 1234567 12345678 123456789 1234567890 1234qwer
123654 123654789 123abc 123qwe 131313 147258 147258369 159357 159753 1q2w3e 1q2w3e4r 1q2w3e4r5t
1qaz2wsx 1qaz2wsx3edc 1qazxsw2 2000 222222 232323 333333 555555 654321 666666 696969 741852963
777777 7777777 8675309 87654321 888888 88888888 963852741 987654 987654321 999999 a123456 a1b2c3
a1b2c3d4 aa123456 aaaaaa aanmelden aap aardbei abc123 abc12345 abcabc abcabcabc abcd1234
abcdefgh abcdefghijkl access access14 adidas admin admin1 administrator ahmed ajax ajax1900 ali
alkmaar alles allesisgoed almere alsjeblieft amanda amazon ambtenaar amersfoort amsterdam
amsterdam1 andrea andrew android angel anja anna annemieke anouk anthony anything apeldoorn
appel apple april arjen arnhem arsenal asdf asdfasdf asdfgh asdfghjkl asdfghjkl1 ashley august
augustus austin autumn az azerty azertyuiop baby badboy bailey bakker banaan banana barney bart
bas baseball baseball1 batman batman1 bedankt beer beertje beheer beheerder believe bigdaddy
bigdick bigdog bij bitcoin biteme bitterballen blauw booboo boomer bos boston boterham bram
brandon brandy breda broer broertje brouwer bruin bulldog bureau buster camaro casper changeme
charles charlie cheese chelsea chester chicago chicken chris cocacola coffee collega compaq
computer cookie cornelis corvette cowboy cowboys crypto crystal daan daarom dag dakota dallas
daniel dankjewel december default degraaf degroot dehaan dejong dekker dekoning delft denhaag
denhaag1 dennis deventer devries dewit diablo diamond dijk dijkstra dinsdag directeur dirk
dochter doei donderdag dordrecht draak dragon dragon1 drop duinen eagles edward eend eenhoorn
eindhoven eline ellen emma emmen enschede enter erik esther eva everything evi facebook falcon
familie family fatima februari february feestdag femke fender ferrari feyenoord feyenoord1908
fiets fietsen finn fishing fleur flower football football1 forever fortnite frank freedom
freedom1 friday friend friends frikandel fucker gandalf gateway gebruiker geel geheim geheim1
geheim123 geheimpje geit gemeente gemeentehuis george gerrit geweldig gezellig gezelligheid
gezin gfhjkm ghbdtn gijs ginger goedemiddag goedemorgen goedenavond golden golfer google goud
gouda grijs groen groningen guest guitar haarlem hagelslag hallo hallo1 hallo123 hallo1234
hammer hannah hans happiness happy hardcore harley hart hartje heather heerenveen heide held
hello hello1 hello123 helloworld helmond hemel hendrik hendriks henk herfst herfst2026 hilversum
hockey hoi holland holland1 hollands hond hondje houvanjou hunter iceman ikhouvanje ikhouvanjou
iloveu iloveyou iloveyou1 ingrid inloggen instagram internet iphone iris isa jackson jacob
jacobs james jan jansen janssen januari january jarig jasmijn jasmine jasper jennifer jeroen
jesse jessica jeugdzorg johan johnny joost jordan joseph joshua juli julia july june juni junior
justice justin kaas kaasje kanjer kantoor karin kasteel kat katje kees kersen kerst kerstmis
kevin killer kim kind kinderen kip klaas klaster klompen kluis knight knuffel koe kok konijn
koning koningin koningsdag kusje kusjes lakers laptop lars laura leeuw leeuwarden leiden lekker
lente lente2026 letmein letmein1 letmein123 levi liberty lief liefde liefdeisalles liefdes
liefje lieke lieverd linda linkedin lisa lkjhgfdsa login london lotte love love123 lovely loveme
lucas luuk lynn maan maandag maart maarten maastricht maggie mama manager manon march marco
maria marieke marina marine mark marlboro martijn martin master master1 matrix matthew maverick
may mei meijer melissa mercedes merlin michael michel michelle mickey microsoft midnight mike
mila milan miller minecraft mnbvcxz mobiel mobilemail moeder mohamed molen mom monday money
monique monitor monitoring monkey monkey1 monster montana mooi mooie moon morgan moscow mother
muis mulder mustafa mustang mustang1 nadia najaar najaar2026 naomi nascar natasha ncc1701
nederland nederland1 nederlands neef netflix netwerk nicht nicole niels niets nieuwjaar nijmegen
nikita niks noah noor nothing november october oktober olifant oliver oma oom opa orange oranje
oranjeboven p@ssw0rd p@ssword paard paardje paars painter panties papa participatie pasen pass
passw0rd password password1 password12 password123 password1234 passwort paswoord patat patrick
paul paypal peace peanut peer pepper peter peters petra phoenix piet pieter pinksteren player
please poes poesje poiuytrewq pokemon polder pony porsche prachtig prince princess princess1
prins prinses private prive privé psv psv1913 purmerend purple q1w2e3r4 q1w2e3r4t5 qazwsx
qazwsxedc qazwsxedcrfv qwe123 qweasdzxc qwer1234 qwerty qwerty1 qwerty123 qwertyui qwertyuiop
qwertyuiop1 qwertz qwertzuiop rabbit rachel raiders ranger rangers redsox regen regenboog
ricardo richard rick ridder rob robert roblox romy rood roosendaal root rotterdam rotterdam1
roze ruben saar samantha samsung sander sandra sanne sara sarah saturday schaap schat schatje
schatz schiedam schouten scooby scooter secret secret1 secret123 secure security sem september
shadow shadow1 silver sinterklaas slayer sleutel smile smit smits smokey sneeuw snoopy soccer
sociaal something sophie sorry sparky spider spin spotify spring stadhuis starwars starwars1
steelers ster sterren sterretje steven stijn storm strand stroopwafel summer summer1 sunday
sunshine sunshine1 super superman superman1 supermooi systeem tante taylor teamleider telefoon
tennis tess test thijs thomas thunder thursday tigers tigger tijger tilburg tim toegang tom toor
top toppie trustme trustno1 tuesday tulp tulpen twente twitter user utrecht utrecht1 utrechtfc
vader vakantie vandenberg vandenbroek vandenheuvel vanderlinden vandermeer vanderveen vandijk
vanleeuwen varken venlo verjaardag vermeulen victoria vincent vis visser vitesse vlaardingen
vlinder voetbal vogel voorbeeldstad voorjaar voorjaar2026 vos vriend vrienden vriendin
vriendschap vrijdag waarom wachtw8 wachtwoord wachtwoord1 wachtwoord12 wachtwoord123
wachtwoord1234 wachtwoorden wachtwoordwachtwoord wagwoord water wednesday weekend welcome
welcome1 welcome123 welkom welkom01 welkom1 welkom12 welkom123 welkom2024 welkom2025 welkom2026
welkomthuis welkomwelkom welkomwelkom1 welterusten werk werken whatever whatever1 wifi wijkteam
wijkteams willem willems william windows winner winter winter1 winter2024 winter2025 winter2026
wit wizard wmo woensdag wolf wolk wouter xxxxxx yamaha yankees yasmina yellow youssef youtube
zaanstad zaq12wsx zaterdag zee zilver zoe zoetermeer zomaar zomer zomer2024 zomer2025 zomer2026
zondag zonneschijn zonnetje zoon zorg zus zusje zwart zwolle zxcv zxcvbn zxcvbnm zxcvbnm1
`;

export const VEELGEBRUIKTE_WACHTWOORDEN: ReadonlySet<string> = new Set(
  LIJST.split(/\s+/).filter(Boolean),
);
