import type { FeedbackText } from './feedback-text-types.js';

// Feedback speaks to the trainee with "Sie"; example sentences address the customer with "Sie" too.
export const de = {
  empty: {
    strength: 'Noch nichts zu bewerten: Die Antwort war leer.',
    tip: 'Schreiben Sie {dem Kunden} mindestens einen Satz, auch einen kurzen. Schweigen wirkt gleichgültig.',
    example: 'Ich bin für Sie da und höre zu. Erzählen Sie mir, was passiert ist.',
  },
  unavailable: {
    strength: 'Diese Antwort ließ sich nicht im Einzelnen bewerten und hat deshalb neutrale Werte erhalten.',
    tip: 'Führen Sie das Gespräch weiter; die nächste Antwort wird wieder normal bewertet.',
    example: 'Ich schaue mir das sofort für Sie an.',
  },
  strengths: {
    boundary_set_well: [
      'Sie haben die Beleidigung ruhig benannt und das Gespräch offengehalten: „{quote}“.',
      'Klare, ruhige Grenze: „{quote}“. Das schützt Sie, ohne zu eskalieren.',
    ],
    boundary_ended_after_warning: [
      'Sie hatten vorher gewarnt – das höfliche Beenden war deshalb konsequent: „{quote}“.',
      'Nach einer früheren Warnung ruhig zu beenden war richtig: „{quote}“.',
    ],
    stayed_out_of_tone: [
      'Sie haben den Ärger nicht persönlich genommen und {den Kunden} nicht zurechtgewiesen.',
      'Sie sind bei der Sache geblieben, statt auf den Ton zu reagieren. So bleibt das Gespräch offen.',
    ],
    calm: ['Ihr Ton blieb ruhig und professionell.', 'Sie haben weder gereizt noch rechtfertigend geantwortet. Diese Ruhe trägt das ganze Gespräch.'],
    specific_empathy: [
      'Sie haben die Lage {des Kunden} in Worte gefasst: „{quote}“.',
      'Konkrete Empathie: „{quote}“ zeigt, dass Sie genau {diesem Kunden} zugehört haben.',
    ],
    warmth: ['Ihre Antwort klingt warm und aufrichtig: „{quote}“.', 'Sie haben echte Anteilnahme gezeigt: „{quote}“.'],
    generic_empathy: ['Sie haben das Anliegen anerkannt: „{quote}“.', 'Sie haben signalisiert, dass Sie das Anliegen ernst nehmen: „{quote}“.'],
    exploration: ['Gute Frage, um mehr zu verstehen: „{quote}“.', 'Sie haben nachgefragt, statt zu vermuten: „{quote}“.'],
    solution_with_time: [
      'Sie haben einen konkreten nächsten Schritt mit Zeitangabe angeboten: „{quote}“.',
      'Konkret und verbindlich: „{quote}“. {Der Kunde} weiß, was wann passiert.',
    ],
    solution: ['Sie haben einen konkreten nächsten Schritt angeboten: „{quote}“.', 'Sie haben den Weg zur Lösung eröffnet: „{quote}“.'],
    polite_close: ['Sie haben das Gespräch höflich abgeschlossen.', 'Ein freundlicher Abschluss hinterlässt einen guten letzten Eindruck.'],
    respected_no: [
      'Sie haben das Nein ernst genommen und {den Kunden} gehen lassen: „{quote}“. So bleibt die Tür für einen anderen Tag offen.',
      'Kein Drängen, kein Verkaufen: „{quote}“. Loslassen war genau das, was dieser Moment verlangt hat.',
    ],
    summary: [
      'Sie haben das Anliegen zusammengefasst, bevor Sie weitergemacht haben: „{quote}“.',
      'Ihre Zusammenfassung zeigt, dass Sie das ganze Bild haben: „{quote}“.',
    ],
    information: ['Sie haben {dem Kunden} gesagt, was {er} wissen musste: „{quote}“.', 'Klar und auf den Punkt: „{quote}“.'],
    fallback: [
      'Sie sind im Gespräch geblieben und haben geantwortet. Der Tipp unten zeigt den nächsten Schritt.',
      'Sie haben {dem Kunden} direkt geantwortet. Mit dem Tipp unten wird daraus mehr.',
    ],
    kept_step: [
      'Ein Teil lohnt sich: der nächste Schritt, den Sie angeboten haben, „{quote}“. Alles drumherum braucht einen ruhigeren Ton.',
      'Das Angebot selbst ist nützlich: „{quote}“. Es geht im Ton drumherum unter.',
    ],
    low_hostile: [
      'Hier gibt es nichts, worauf Sie aufbauen können: Der Angriff auf {den Kunden} überwiegt alles andere in der Antwort.',
      'Diese Antwort greift {den Kunden} an; solange das darin steht, zählt keine Stärke.',
    ],
    low_sarcasm: [
      'Die Worte mögen höflich sein, aber {der Kunde} hört vor allem den Spott.',
      'Was immer die Antwort Hilfreiches meint: Die Ironie darin kommt zuerst an.',
    ],
    low_passive_aggressive: [
      'Wie auch immer es formuliert ist: An kommt der Seitenhieb.',
      'Unter den Worten steckt ein Vorwurf, und den Vorwurf hört {der Kunde}.',
    ],
    low_blame: [
      'Die Fakten mögen stimmen, aber bei {dem Kunden} kommt an: Sie sind selbst schuld.',
      'Die Antwort handelt davon, wer schuld ist, nicht vom Problem {des Kunden}.',
    ],
    low_minimising: [
      'Was auch an Hilfe folgt: Zuerst hört {der Kunde}, dass {sein} Problem keine große Sache sei.',
      'Die Antwort macht das Problem kleiner, als es für {den Kunden} ist, und genau das bleibt hängen.',
    ],
    low_dismissive: ['Die Antwort schließt {dem Kunden} eine Tür, statt eine zu öffnen.', '{Der Kunde} bleibt hier mit {seinem} Problem allein.'],
    low_defensive: [
      'Die Antwort verteidigt Sie oder das Haus; das Problem {des Kunden} bekommt keinen Raum.',
      'Der größte Teil der Antwort ist Rechtfertigung; {der Kunde} wartet noch auf Hilfe.',
    ],
    low_shouting: ['Die Lautstärke der Antwort übertönt, was sie sagt.', 'Großbuchstaben und Ausrufezeichen wirken wie Schreien, egal was darin steht.'],
    low_condescending: [
      'Die Antwort spricht von oben herab, und genau das bleibt {dem Kunden} im Gedächtnis.',
      'Die Erklärung kommt von oben; das spürt {der Kunde} stärker als den Inhalt.',
    ],
    low_general: [
      'Der Ton dieser Antwort steht dem im Weg, was sie sagt.',
      'Auf dieser Antwort lässt sich noch nicht aufbauen; der Tipp zeigt, wo Sie anfangen.',
    ],
    ended_too_early: [
      'Sich zu schützen ist richtig, aber beim ersten Angriff zu beenden hat {dem Kunden} keinen Weg zurück gelassen.',
      'Das Gespräch zu beenden kam zu früh: {der Kunde} war nicht gewarnt worden.',
    ],
  },
  tips: {
    boundary_missing: [
      {
        tip: '{Der Kunde} hat Sie persönlich beleidigt, und die Antwort ist darüber hinweggegangen. Benennen Sie es einmal, ruhig, und bieten Sie dann an, sachlich weiterzumachen.',
        example: 'Bitte sprechen Sie nicht so mit mir. Ich kläre das gern mit Ihnen, wenn wir respektvoll bleiben.',
        family: 'boundary',
        asks: ['sets_boundary'],
      },
      {
        tip: 'Schlucken Sie eine persönliche Beleidigung nicht. Ein ruhiger Satz zum Verhalten, dann zurück zum Anliegen.',
        example: 'Persönliche Beleidigungen akzeptiere ich nicht. Lassen Sie uns zu Ihrer Überweisung zurückkommen.',
        family: 'boundary',
        asks: ['sets_boundary'],
      },
    ],
    boundary_too_harsh_hostile: [
      {
        tip: 'Die Grenze kam feindselig an. Benennen Sie das Verhalten, nicht die Person, und bleiben Sie ruhig im Ton.',
        example: 'Ich bitte Sie, mich nicht zu beleidigen. Ich möchte Ihnen bei dieser Sache wirklich helfen.',
        family: 'boundary',
        // a jab back with no limit named is no hostile boundary: the other variant names it as hitting back
        presumes: ['sets_boundary'],
      },
      {
        tip: 'Zurückschlagen eskaliert. Sagen Sie, was Sie nicht hinnehmen, ohne {den Kunden} zu bewerten.',
        example: 'Dieser Ton ist für mich nicht in Ordnung. Wenn wir sachlich bleiben, finde ich mit Ihnen eine Lösung.',
        family: 'boundary',
      },
    ],
    boundary_too_harsh_first_insult: [
      {
        tip: 'Beim ersten Angriff aufzulegen ist zu früh. Warnen Sie einmal; beenden Sie erst, wenn die Beleidigungen weitergehen.',
        example: 'Bitte lassen Sie persönliche Beleidigungen. Sonst beende ich das Gespräch – lieber helfe ich Ihnen aber weiter.',
        family: 'boundary',
      },
      {
        tip: 'Geben Sie {dem Kunden} eine Chance: Benennen Sie die Beleidigung und sagen Sie, was passiert, wenn es so weitergeht.',
        example: 'So möchte ich nicht mit Ihnen sprechen. Bleiben wir sachlich, dann sehe ich mir Ihr Konto sofort an.',
        family: 'boundary',
      },
    ],
    boundary_unnecessary: [
      {
        tip: '{Der Kunde} hat Sie nicht persönlich angegriffen; {sein} Ärger gilt der Lage. Eine Zurechtweisung verschärft ihn nur: Lassen Sie sie weg und bleiben Sie beim Problem.',
        example: 'Ich merke, wie ärgerlich das für Sie ist. Ich schaue mir gleich an, was bei Ihrer Bestellung schiefgelaufen ist.',
        family: 'empathy',
      },
      {
        tip: 'Dampf ablassen ist keine Beleidigung. Lassen Sie es stehen, bleiben Sie freundlich und zeigen Sie, was Sie tun.',
        example: 'Drei Wochen Warten sind wirklich frustrierend. Ich prüfe jetzt den Stand und rufe Sie bis 15 Uhr zurück.',
        family: 'empathy',
        asks: ['offers_step'],
      },
    ],
    boundary_offer_continue: [
      {
        tip: 'Die Grenze war klar. Ergänzen Sie ein Angebot weiterzumachen, damit {der Kunde} zur Sache zurückfinden kann.',
        example: 'Bitte beleidigen Sie mich nicht. Ihre Reklamation bearbeite ich dann gern sofort weiter.',
        family: 'boundary',
        asks: ['offers_step'],
      },
      {
        tip: 'Öffnen Sie nach dem Benennen den Weg zurück: Sagen Sie, was Sie als Nächstes für {den Kunden} tun.',
        example: 'Ich bitte Sie um einen respektvollen Ton. Dann gehe ich Ihr Anliegen Schritt für Schritt mit Ihnen durch.',
        family: 'boundary',
        asks: ['offers_step'],
      },
    ],
    composure_insult: [
      {
        tip: 'Beleidigungen oder Schimpfwörter verbauen jede Lösung. Bleiben Sie bei der Sache, auch wenn {der Kunde} Sie reizt.',
        example: 'Ich verstehe, dass Sie das viel Zeit gekostet hat. Ich sehe mir gleich an, was ich tun kann.',
        family: 'composure',
      },
      {
        tip: 'Atmen Sie kurz durch, bevor Sie antworten. Beschreiben Sie das Problem, nie die Person.',
        example: 'Ich prüfe jetzt genau, was mit Ihrer Zahlung passiert ist.',
        family: 'composure',
      },
    ],
    composure_sarcasm: [
      {
        tip: 'Höfliche Worte mit ironischem Unterton kommen als Spott an: „{quote}“. Sagen Sie direkt, was Sie meinen.',
        example: 'Die Bedingungen sind wirklich nicht leicht zu finden. Ich zeige Ihnen, wo die Gebühr erklärt ist.',
        family: 'composure',
      },
      {
        tip: 'Ironie wird in angespannten Gesprächen leicht missverstanden. Lassen Sie sie weg und bleiben Sie aufrichtig.',
        example: 'Ihre Frage ist berechtigt. Ich erkläre Ihnen, wie die Gebühr zustande kam.',
        family: 'composure',
      },
    ],
    composure_blame: [
      {
        tip: 'Schuldzuweisungen führen zum Streit über Schuld. Schauen Sie nach vorn: Was lässt sich jetzt tun?',
        example: 'Woran es auch lag – sorgen wir dafür, dass es wieder funktioniert. Ich kümmere mich heute darum.',
        family: 'composure',
      },
      {
        tip: 'Selbst wenn {der Kunde} einen Fehler gemacht hat: {Ihn} jetzt darauf hinzuweisen hilft niemandem. Zeigen Sie zuerst den Ausweg.',
        example: 'Lassen Sie uns das gemeinsam lösen. Ich buche die Belastung zurück und zeige Ihnen, wie es künftig nicht mehr passiert.',
        family: 'composure',
      },
    ],
    composure_defensive: [
      {
        tip: 'Rechtfertigungen machen das Gespräch zu Ihrem Thema. Stellen Sie das Problem {des Kunden} wieder in die Mitte.',
        example: 'Ich möchte verstehen, was für Sie schiefgelaufen ist. Was ist bei Ihrem Anruf letzte Woche passiert?',
        family: 'composure',
      },
      {
        tip: 'Sie müssen weder sich noch das Haus zuerst verteidigen. Erst anerkennen, dann handeln.',
        example: 'Das hätte nicht passieren dürfen. Ich prüfe es sofort.',
        family: 'composure',
      },
    ],
    composure_doubt: [
      {
        tip: 'Insgesamt ruhig, aber „{quote}“ kann als Spitze ankommen. Lesen Sie den Satz so, wie {der Kunde} ihn hört, und sagen Sie es so, dass es nicht missverstanden werden kann.',
        example: 'Verstehe. Ich schaue gleich, was ich für Sie tun kann.',
        family: 'composure',
      },
      {
        tip: 'Ein Satz könnte als Seitenhieb ankommen: „{quote}“. Sagen Sie es schlicht und freundlich.',
        example: 'Danke, dass Sie mir das sagen. Das kann ich für Sie tun.',
        family: 'composure',
      },
    ],
    composure_minimising: [
      {
        tip: 'Ein Problem kleinzureden sagt {dem Kunden}, dass {sein} Ärger nicht zählt. Nehmen Sie es so ernst wie {er}, dann lösen Sie es.',
        example: 'Ich sehe, dass Ihnen das heute wichtig ist. So lösen wir es am schnellsten.',
        family: 'composure',
      },
      {
        tip: 'Was für Sie Alltag ist, erlebt {der Kunde} vielleicht zum ersten Mal. Sagen Sie, dass es zählt, bevor Sie erklären, was zu tun ist.',
        example: 'Das ist wirklich ärgerlich, wenn man sich darauf verlässt. Ich bringe das für Sie in Ordnung.',
        family: 'composure',
      },
    ],
    composure_dismissive: [
      {
        tip: '{Den Kunden} wegzuschicken schließt die Tür. Sagen Sie, was Sie tun können, auch wenn es wenig ist.',
        example: 'Die Gebühr kann ich nicht selbst ändern, aber ich gebe Ihren Fall heute an meine Teamleitung weiter und rufe Sie zurück.',
        family: 'composure',
        asks: ['offers_step'],
      },
      {
        tip: 'Regeln sind selten der beste erste Satz. Beginnen Sie mit dem, was für {den Kunden} möglich ist.',
        example: 'Ich schaue, welche Möglichkeiten Sie haben. Vielleicht lässt sich das noch heute lösen.',
        family: 'composure',
        asks: ['offers_step'],
      },
      {
        tip: 'Das Problem kleinzureden oder weiterzureichen lässt {den Kunden} damit allein. Behandeln Sie es als Ihres, bis es gelöst ist.',
        example: 'Das ist wichtig, und ich sorge dafür, dass es geklärt wird.',
        family: 'composure',
      },
    ],
    composure_shouting: [
      {
        tip: 'Großbuchstaben wirken wie Schreien. Schreiben Sie normal, auch wenn Sie etwas betonen möchten.',
        example: 'Mir ist wichtig, dass wir das heute lösen.',
        family: 'composure',
      },
      {
        tip: 'Nehmen Sie die Lautstärke heraus: Ruhiger Text beruhigt {den Kunden}.',
        example: 'Ich höre Sie. Gehen wir es Schritt für Schritt durch.',
        family: 'composure',
      },
    ],
    composure_condescending: [
      {
        tip: 'Von oben herab zu sprechen schadet der Beziehung. Begegnen Sie {dem Kunden} auf Augenhöhe und bleiben Sie bei der förmlichen Anrede, wenn {er} Sie siezt.',
        example: 'Ich erkläre es Ihnen gern Schritt für Schritt. Es ist wirklich nicht offensichtlich.',
        family: 'composure',
      },
      {
        tip: 'Vermeiden Sie Belehrungen. Erklären Sie kurz und fragen Sie, ob es hilft.',
        example: 'So funktioniert es. Beantwortet das Ihre Frage?',
        family: 'composure',
      },
    ],
    composure_lecturing: [
      {
        tip: '{Dem Kunden} zu sagen, was {er} hätte tun sollen, stellt {ihn} an den Pranger. Lassen Sie die Lektion weg und helfen Sie bei dem, was jetzt ansteht.',
        example: 'Lassen Sie uns das jetzt lösen. Ich zeige Ihnen den schnellsten Weg.',
        family: 'composure',
      },
      {
        tip: 'Eine Belehrung ist das Letzte, was ein verärgerter Mensch hören will. Wenn ein Hinweis später hilft, geben Sie ihn am Ende, freundlich und kurz.',
        example: 'Erledigt. Wenn Sie mögen, richte ich Ihnen noch eine Erinnerung ein, damit Ihnen das nicht noch einmal passiert.',
        family: 'composure',
      },
    ],
    composure_passive_aggressive: [
      {
        tip: 'Höfliche Form, feindselige Botschaft: „{quote}“ kommt als Seitenhieb an. Sagen Sie es direkt und freundlich.',
        example: 'Ich gehe es gern noch einmal Schritt für Schritt mit Ihnen durch.',
        family: 'composure',
      },
      {
        tip: 'Darauf hinzuweisen, dass Sie etwas schon gesagt haben, wirkt wie ein Vorwurf. Geben Sie die Auskunft noch einmal, als wäre es das erste Mal.',
        example: 'Hier noch einmal kurz: Das Formular ist angehängt, und ich helfe Ihnen gern beim Ausfüllen.',
        family: 'composure',
      },
    ],
    composure_unclear: [
      {
        tip: '„{quote}“ kommt bei {dem Kunden} vermutlich schlecht an, wie auch immer es gemeint war. Sagen Sie schlicht und ohne Spitze, was Sie tun können.',
        example: 'Danke, dass Sie mir das sagen. Das kann ich jetzt für Sie tun.',
        family: 'composure',
      },
      {
        tip: 'Lesen Sie „{quote}“ so, wie {der Kunde} es hört: Es kommt als Seitenhieb an. Lassen Sie die Spitze weg und antworten Sie auf die Sache.',
        example: 'Verstehe. Ich kümmere mich darum.',
        family: 'composure',
      },
    ],
    composure_general: [
      {
        tip: 'Halten Sie den Ton gleichmäßig und freundlich und antworten Sie auf die Sache statt auf die Stimmung.',
        example: 'Danke für Ihre Geduld. Das ist mein nächster Schritt für Sie.',
        family: 'composure',
      },
      {
        tip: 'Ein ruhigerer, vollständiger Satz wirkt professioneller.',
        example: 'Ich kümmere mich sofort darum.',
        family: 'composure',
      },
    ],
    empathy_none: [
      {
        tip: 'Erkennen Sie zuerst an, wie es {dem Kunden} geht, bevor Sie zu den Fakten kommen.',
        example: 'Das klingt wirklich frustrierend, gerade nach so langer Wartezeit.',
        family: 'empathy',
        asks: ['acknowledges'],
      },
      {
        tip: 'Die Antwort geht direkt zur Sache. Ein Satz, der zeigt, dass Sie die Lage {des Kunden} wahrnehmen, macht viel aus.',
        example: 'Ich kann mir vorstellen, wie beunruhigend es ist, wenn etwas, auf das Sie sich verlassen, plötzlich nicht funktioniert.',
        family: 'empathy',
        asks: ['acknowledges'],
      },
    ],
    // für einen Gast mit einem ungewöhnlichen Wunsch und ohne Beschwerde: kein Gefühl anzuerkennen, aber ein Mensch und ein Grund
    empathy_wish: [
      {
        tip: 'Zeigen Sie vor den Einzelheiten, dass Sie den Menschen hinter dem Wunsch sehen: Sagen Sie, was Ihnen daran auffällt, wofür er ist.',
        example: 'Aber gern. Das klingt, als wäre heute ein besonderer Tag für Sie beide.',
        family: 'empathy',
        asks: ['acknowledges'],
      },
      {
        tip: 'Sie sind gleich zum Machbaren gegangen. Fragen Sie, wofür der Wunsch ist: Die Antwort öffnet oft eine bessere Lösung.',
        example: 'Ist das für jemand Bestimmten? Dann schaue ich, was die Küche möglich machen kann.',
        family: 'exploration',
        asks: ['asks_open', 'asks_closed'],
      },
    ],
    empathy_generic: [
      {
        tip: '„{quote}“ ist ein Anfang. Sagen Sie, was Sie verstehen: Benennen Sie Gefühl oder Lage mit den Worten {des Kunden}.',
        example: 'Dass Sie jetzt auch noch darauf warten müssen, ist wirklich belastend für Sie.',
        family: 'empathy',
        asksNaming: true,
      },
      {
        tip: 'Machen Sie die Empathie konkret: Greifen Sie ein Detail auf, das {der Kunde} genannt hat.',
        example: 'Drei Anrufe und immer noch keine Antwort – kein Wunder, dass Sie verärgert sind.',
        family: 'empathy',
        asksNaming: true,
      },
      {
        tip: 'Sie haben es benannt; jetzt machen Sie es zu {seinem} Anliegen: Sagen Sie, was es für {ihn} bedeutet, oder fragen Sie, was {ihm} jetzt am wichtigsten ist.',
        example: 'Das heißt, Sie können sich gerade nicht darauf verlassen. Was würde Ihnen jetzt am meisten helfen?',
        family: 'empathy',
        asks: ['asks_open'],
      },
    ],
    empathy_but: [
      {
        tip: 'Ein Verständnissatz mit „aber“ und einer Absage hebt sich selbst auf. Lassen Sie das Verständnis stehen und sagen Sie dann, was Sie tun können.',
        example: 'Ich verstehe, wie ärgerlich diese Gebühr ist. Das kann ich für Sie tun:',
        family: 'empathy',
      },
      {
        tip: 'Lassen Sie das Verständnis stehen und das „aber“ weg: Lassen Sie stattdessen einen Schritt nach vorn folgen.',
        example: 'Ich sehe, dass Sie das ärgert, und ich prüfe, ob wir die Gebühr erstatten können.',
        family: 'empathy',
      },
    ],
    empathy_repeated: [
      {
        tip: 'Dieselbe Verständnisformel in jeder Antwort klingt bald auswendig gelernt. Variieren Sie und beziehen Sie sich auf das, was {der Kunde} gerade gesagt hat.',
        example: 'Zum eigentlichen Problem kommt also noch, dass Sie niemand zurückgerufen hat. Das ist wirklich nicht in Ordnung.',
        family: 'empathy',
      },
      {
        tip: 'Nehmen Sie frische Worte: Reagieren Sie auf das Neueste, was {der Kunde} erzählt hat.',
        example: 'Dass Sie deswegen auch noch den Zug verpasst haben, macht es noch ärgerlicher.',
        family: 'empathy',
      },
    ],
    empathy_feeling_dismissed: [
      {
        tip: '{Dem Kunden} zu sagen, {er} solle sich nicht aufregen, wischt {sein} Gefühl weg. Nehmen Sie das Gefühl an und benennen Sie es.',
        example: 'Sie haben allen Grund, sich darüber zu ärgern.',
        family: 'empathy',
      },
      {
        tip: 'Über Gefühle lässt sich nicht verhandeln. Erkennen Sie sie an und gehen Sie dann zur Sache.',
        example: 'Ich verstehe, dass Sie das beunruhigt. Schauen wir es uns gemeinsam an.',
        family: 'empathy',
      },
    ],
    grief_push: [
      {
        tip: '{Der Kunde} trägt gerade schwer. Geschäftliches wirkt jetzt kalt; lassen Sie Produkte für einen anderen Tag.',
        example: 'Das tut mir sehr leid. Über Ihre Konten müssen wir heute nicht sprechen. Passt Ihnen ein anderer Zeitpunkt besser?',
        family: 'empathy',
      },
      {
        tip: 'Legen Sie Ihre Agenda beiseite. Seien Sie zuerst da; bieten Sie an, später über Geldfragen zu sprechen.',
        example: 'Nehmen Sie sich alle Zeit, die Sie brauchen. Ich kann mich nächste Woche melden, wann immer es Ihnen passt.',
        family: 'empathy',
      },
    ],
    respect_no: [
      {
        tip: '{Der Kunde} möchte in Ruhe gelassen werden. Respektieren Sie das: Ein kurzer, warmer Abschied, der die Tür offen lässt, bewirkt jetzt mehr als jede Frage.',
        example: 'Entschuldigen Sie, dass ich in einem ungünstigen Moment anrufe. Ich lasse Sie in Ruhe; Sie erreichen mich jederzeit.',
        family: 'empathy',
      },
      {
        tip: 'Wer das Gespräch ablehnt, fühlt sich von einer Frage bedrängt, so freundlich sie gemeint ist. Lassen Sie {den Kunden} gehen und machen Sie das Wiederkommen leicht.',
        example: 'Verzeihen Sie die Störung. Wenn ich später etwas für Sie tun kann, bin ich für Sie da.',
        family: 'empathy',
      },
    ],
    grief_cheer: [
      {
        tip: 'Aufmuntern übergeht den Schmerz. Bleiben Sie bei dem, was {der Kunde} fühlt.',
        example: 'Das ist gerade sehr viel für Sie. Wie geht es Ihnen damit?',
        family: 'empathy',
      },
      {
        tip: 'Verordneter Optimismus lässt Trauernde sich ungehört fühlen. Ein stilles Anerkennen wirkt besser.',
        example: 'Es tut mir sehr leid, das zu hören. Danke, dass Sie es mir erzählen.',
        family: 'empathy',
      },
    ],
    grief_acknowledge: [
      {
        tip: 'Eine knappe Formel wirkt distanziert, wenn jemand gerade viel zu tragen hat. Sagen Sie schlicht, was Sie wahrnehmen, und lassen Sie {dem Kunden} Raum.',
        example: 'Es tut mir sehr leid, dass Sie so etwas durchmachen. Wie kommen Sie gerade zurecht?',
        family: 'empathy',
      },
      {
        tip: 'Erst der Mensch, dann die Formalitäten: ein warmer Satz zu dem, was {der Kunde} gerade durchmacht, dann bestimmt {er} das Tempo.',
        example: 'Das ist sehr viel auf einmal. Wir gehen das in Ruhe Schritt für Schritt an.',
        family: 'empathy',
      },
    ],
    empathy_explore: [
      {
        tip: 'Gute Empathie. Ergänzen Sie eine offene Frage, um zu erfahren, was {dem Kunden} jetzt am wichtigsten ist.',
        example: 'Was würde Ihnen jetzt am meisten helfen?',
        family: 'exploration',
        asks: ['asks_open'],
      },
      {
        tip: 'Lassen Sie auf das Anerkennen eine Frage zur Lage {des Kunden} folgen.',
        example: 'Wie ist Ihnen das Problem aufgefallen?',
        family: 'exploration',
        asks: ['asks_open'],
        presumes: ['acknowledges'],
      },
    ],
    pressure_long: [
      {
        tip: '{Der Kunde} hat gesagt, dass die Zeit drängt, und diese Antwort lässt {ihn} warten. Beginnen Sie mit der Antwort in ein, zwei Sätzen; Einzelheiten folgen, wenn {er} fragt.',
        example: 'Ja: Bestätigen Sie jetzt das neue Limit in Ihrer App, dann geht die Überweisung in wenigen Minuten raus.',
        family: 'solution',
      },
      {
        tip: 'Eine lange Erklärung kostet jemanden in Eile genau die Zeit, die {er} nicht hat. Erst antworten, dann erklären.',
        example: 'Das klappt heute noch. Ein Tipp in Ihrer App, dann ist es erledigt.',
        family: 'solution',
      },
    ],
    pressure_overpromise: [
      {
        tip: '„{quote}“ verspricht ein Ergebnis, das nicht in Ihrer Hand liegt. Sagen Sie unter Druck, was Sie tun und bis wann, und ehrlich, was Sie nicht zusagen können.',
        example:
          'Nach Ihrer Bestätigung ist das Limit in wenigen Minuten angehoben; auf die Minute kann ich die Gutschrift nicht zusagen, die Zahlungsbestätigung schicke ich Ihnen aber sofort.',
        family: 'solution',
      },
      {
        tip: 'Eine Zusage, die womöglich nicht hält („{quote}“), kostet mehr Vertrauen, als sie Zeit spart. Versprechen Sie nur Ihren eigenen nächsten Schritt.',
        example:
          'Die genaue Minute kann ich Ihnen nicht versprechen. Was ich tun kann: Ihnen die Bestätigung für den Händler schicken, sobald die Zahlung raus ist.',
        family: 'solution',
      },
    ],
    solution_missing: [
      {
        tip: 'Bieten Sie einen konkreten nächsten Schritt an, am besten mit Zeitangabe, damit {der Kunde} weiß, was passiert.',
        example: 'Ich prüfe die Buchung jetzt und rufe Sie heute bis 15 Uhr zurück.',
        family: 'solution',
        asks: ['offers_step'],
      },
      {
        tip: 'Sagen Sie, was Sie tun und wann. Konkrete Schritte beruhigen mehr als Beschwichtigungen.',
        example: 'Ich schicke Ihnen heute die Bestätigung; in drei Werktagen haben Sie alles.',
        family: 'solution',
        asks: ['offers_step'],
      },
    ],
    solution_time: [
      {
        tip: 'Ihr nächster Schritt ist gut; eine Zeitangabe macht ihn verbindlich.',
        example: 'Ich rufe Sie spätestens morgen bis 12 Uhr zurück.',
        family: 'solution',
        asks: ['names_time'],
      },
      {
        tip: 'Sagen Sie dazu, wann es passiert, damit sich {der Kunde} darauf verlassen kann.',
        example: 'Die Erstattung ist innerhalb von zwei Werktagen auf Ihrem Konto.',
        family: 'solution',
        asks: ['names_time'],
      },
    ],
    polish_grief: [
      {
        tip: 'Starke Antwort. Überlassen Sie {dem Kunden}, wann und ob über Geschäftliches gesprochen wird.',
        example: 'Soll ich mich in ein paar Wochen wieder melden, oder rufen Sie mich an, wenn Ihnen danach ist?',
        family: 'closing',
        asks: ['proposes_contact'],
        asksChoice: true,
      },
      {
        tip: 'Gut gemacht. Bleiben Sie langsam und schlicht in den Worten; Pausen sind erlaubt.',
        example: 'Lassen Sie sich Zeit. Ich bin da.',
        family: 'closing',
      },
    ],
    polish_venting: [
      {
        tip: 'Starke Antwort. Fassen Sie das Anliegen in einem Satz zusammen, um zu zeigen, dass Sie das ganze Bild haben.',
        example: 'Es hat also genau dann nicht funktioniert, als Sie es gebraucht haben, und niemand war erreichbar – richtig?',
        family: 'empathy',
        asks: ['summarises'],
      },
      {
        tip: 'Gut gemacht. Schließen Sie den Kreis: Kündigen Sie eine Rückmeldung an, damit {der Kunde} nicht nachhaken muss.',
        example: 'Ich schreibe Ihnen heute Abend eine E-Mail, sobald alles geklärt ist.',
        family: 'closing',
        asks: ['offers_step'],
      },
    ],
    polish_insults: [
      {
        tip: 'Gut gelöst. Falls die Beleidigungen wiederkommen, bleiben Sie konsequent: einmal warnen, dann höflich beenden.',
        example: 'Wie gesagt, mit Beleidigungen spreche ich nicht weiter. Wenn das so weitergeht, beende ich das Gespräch.',
        family: 'boundary',
      },
      {
        tip: 'Gut. Kehren Sie nach jedem Zwischenfall zur Sache zurück, damit {der Kunde} einen Ausweg hat.',
        example: 'Zurück zu Ihrem Anliegen: Womit sollen wir anfangen?',
        family: 'boundary',
        // a reply that already went back to the matter has done it
        asks: ['gives_info', 'offers_step', 'asks_open', 'asks_closed'],
      },
    ],
    polish_pressure: [
      {
        tip: 'Gute Antwort. Sagen Sie unter Druck klar, was möglich ist und bis wann; versprechen Sie nicht mehr.',
        example: 'Den Zinssatz kann ich Ihnen heute nicht zusagen, aber bis Donnerstagmittag haben Sie eine Antwort.',
        family: 'solution',
        asks: ['names_time'],
      },
      {
        tip: 'Gut gemacht. Nehmen Sie sich die Zeit zum Prüfen und sagen Sie, warum sich das Warten lohnt.',
        example: 'Ich möchte Ihnen eine verlässliche Antwort geben. Ich prüfe es und rufe Sie heute Nachmittag zurück.',
        family: 'solution',
        // advice for a reply that could not answer yet: one that gave the answer has no wait to explain
        asks: ['offers_step', 'gives_info'],
      },
      {
        tip: 'Passend für jemanden in Eile: erst die Antwort, und es bleibt nichts offen. Bleiben Sie so knapp, wenn der Druck steigt.',
        example: 'Erledigt: Ihre Karte ist wieder frei, versuchen Sie es gleich noch einmal.',
        family: 'solution',
        asks: [],
      },
    ],
    polish_unusual_request: [
      {
        tip: 'Gute Antwort. Fragen Sie, was hinter dem Wunsch steckt; oft erfüllt eine andere Lösung das eigentliche Anliegen.',
        example: 'Was würde Ihnen das ermöglichen? Vielleicht gibt es einen anderen Weg dorthin.',
        family: 'exploration',
        asks: ['asks_open'],
      },
      {
        tip: 'Gut gemacht. Bieten Sie eine Alternative an, die Sie wirklich einhalten können.',
        example: 'Genau diese Variante gibt es nicht, aber ich kann Ihnen stattdessen Folgendes anbieten.',
        family: 'solution',
        asks: ['offers_step'],
      },
    ],
    polish_relationship: [
      {
        tip: 'Gute Antwort. Schlagen Sie einen persönlichen Kontakt vor, um die Beziehung neu zu beleben.',
        example: 'Wollen wir uns nächste Woche auf einen Kaffee treffen und das in Ruhe besprechen?',
        family: 'closing',
        asks: ['proposes_contact'],
      },
      {
        tip: 'Gut gemacht. Würdigen Sie die lange Zusammenarbeit und was sie Ihnen bedeutet.',
        example: 'Wir arbeiten seit Jahren zusammen, und das soll auch so bleiben.',
        family: 'empathy',
      },
    ],
    polish_general: [
      {
        tip: 'Starke Antwort. Noch besser: Fragen Sie zum Schluss, ob die Lösung für {den Kunden} passt.',
        example: 'Passt das so für Sie?',
        family: 'closing',
        asks: ['asks_closed', 'asks_open'],
        presumes: ['offers_step'],
      },
      {
        tip: 'Gut gemacht. Bleiben Sie kurz und persönlich; sprechen Sie {den Kunden} einmal mit Namen an.',
        example: 'Frau Berger, ich kümmere mich persönlich darum.',
        family: 'closing',
        asksName: true,
      },
      {
        tip: 'Gut gemacht. Bleiben Sie bei diesem Ton, was im Gespräch auch noch kommt.',
        example: 'Ich kümmere mich persönlich darum.',
        family: 'closing',
      },
    ],
  },
  injectionNote: 'Text an die Bewertung wird ignoriert; es zählt nur, was Sie {dem Kunden} sagen.',
  summary: {
    composure: [
      'Üben Sie, ruhig und sachlich zu bleiben, wenn {der Kunde} laut wird: Antworten Sie auf die Sache, nicht auf den Ton.',
      'Lesen Sie beim nächsten Mal jede Antwort einmal, bevor Sie sie abschicken: keine Ironie, keine Schuldzuweisung, keine Großbuchstaben, dann der nächste Schritt.',
    ],
    empathy: [
      { text: 'Üben Sie, Gefühl oder Lage {des Kunden} in {seinen} eigenen Worten zu benennen und dann offen nachzufragen.', asks: ['asks_open'] },
      'Greifen Sie in der nächsten Übung in jeder Antwort ein Detail auf, das {der Kunde} genannt hat, und sagen Sie, was es für {ihn} bedeutet.',
    ],
    boundary: [
      'Üben Sie, Beleidigung und Dampfablassen zu unterscheiden: Eine persönliche Beleidigung einmal ruhig benennen und Weitermachen anbieten, bloßen Ärger stehen lassen.',
      'Üben Sie beide Fälle nebeneinander: Auf eine persönliche Beleidigung folgt ein ruhiger Satz und ein Angebot weiterzumachen, auf Ärger über die Lage keine Zurechtweisung.',
    ],
    empathy_kept: [
      'Sie haben die Lage {des Kunden} genau getroffen, nur nicht in der Antwort, die löst. Üben Sie, das dorthin mitzunehmen: ein halber Satz Anerkennung, dann der Schritt.',
      'Ihre beste Antwort hat benannt, was {der Kunde} erlebt hat. Nächstes Mal: Auch die Antwort mit der Lösung beginnt mit einem Detail aus {seinen} Worten.',
    ],
    empathy_specific: [
      'Jede Antwort, die sich um das Anliegen gekümmert hat, hat {den Kunden} zumindest allgemein erreicht. Für mehr greifen Sie ein Detail aus {seinen} eigenen Worten auf und sagen, was es für {ihn} bedeutet: Ein halber Satz genügt, auch in Eile.',
      'Keine Antwort zum Anliegen hat {den Kunden} übergangen, die meisten blieben allgemein. Nennen Sie nächstes Mal vor Ihrer Antwort eine Sache, die {er} Ihnen erzählt hat, in {seinen} Worten.',
    ],
    empathy_deepen: [
      // eine Antwort, die bei einer Beleidigung eine Grenze setzt, zählt hier nicht mit (sessionSummary): „jede Antwort" wäre sonst nicht wahr
      {
        text: 'Jede Antwort, die sich um das Anliegen gekümmert hat, hat benannt, was {der Kunde} erlebt hat. Für die volle Punktzahl fragen Sie zusätzlich offen, was {ihm} jetzt am wichtigsten ist.',
        asks: ['asks_open'],
      },
      'Wo es um das Anliegen ging, war Ihre Empathie konkret. Nächstes Mal darf auch eigene Wärme hörbar werden, oder Sie fragen offen, was {ihm} am meisten helfen würde.',
    ],
    strong: [
      'Ein starkes Gespräch in allen drei Punkten. Versuchen Sie dieselbe Situation in der Stufe „harsch“ oder eine andere Kundin, einen anderen Kunden.',
      'Gelassen, empathisch und bei der Grenze richtig: Nehmen Sie sich als Nächstes ein Gespräch vor, das Ihnen schwerer fällt, oder die härtere Stufe.',
    ],
  },
  summaryByFocus: {
    venting: {
      composure: [
        'Üben Sie bei verärgerter Kundschaft, den Ärger vorbeiziehen zu lassen und mit dem nächsten konkreten Schritt samt Zeitangabe zu antworten.',
        'Üben Sie, sich aus dem Streit herauszuhalten: keine Rechtfertigung, nur was Sie tun und bis wann.',
      ],
      empathy: [
        'Üben Sie, zu benennen, was für {den Kunden} schiefgelaufen ist, bevor Sie es lösen: das Warten, die Peinlichkeit, die verlorene Zeit.',
        'Fassen Sie beim nächsten Mal das Erlebnis {des Kunden} in einem eigenen Satz zusammen, bevor die Lösung kommt.',
      ],
      boundary: [
        '{Der Kunde} ärgert sich über die Lage, nicht über Sie: Üben Sie, das ohne Zurechtweisung stehen zu lassen.',
        'Üben Sie, Dampfablassen als Dampfablassen zu hören: kein „Beruhigen Sie sich“, keine Warnung, nur Hilfe.',
      ],
    },
    grief: {
      composure: [
        'Üben Sie, in einem schweren Gespräch Ihre eigene Agenda zurückzuhalten: ruhige Stimme, kurze Sätze, kein Druck.',
        'Werden Sie beim nächsten Mal langsamer: ein ruhiger Satz nach dem anderen, und {der Kunde} gibt das Tempo vor.',
      ],
      empathy: [
        'Üben Sie, in einem schweren Moment bei {dem Kunden} zu bleiben: ein stilles, konkretes Anerkennen und kein Geschäftliches.',
        {
          text: 'Fragen Sie beim nächsten Mal zuerst, wie es {dem Kunden} geht, und bieten Sie an, später zu sprechen.',
          asks: ['asks_open', 'proposes_contact'],
        },
      ],
      boundary: [
        'Üben Sie, eine schroffe Reaktion nicht persönlich zu nehmen: Sie gilt selten Ihnen. Keine Zurechtweisung, die Tür bleibt offen.',
        'Antworten Sie beim nächsten Mal auf eine barsche Reaktion mit Geduld, nicht mit einer Warnung.',
      ],
    },
    insults: {
      composure: [
        'Üben Sie, auf einen persönlichen Angriff zu antworten, ohne zurückzuschlagen: einmal durchatmen, dann die Sache.',
        'Lassen Sie die Beleidigung beim nächsten Mal abprallen: Eine ruhige Stimme nimmt ihr die Kraft.',
      ],
      empathy: [
        'Üben Sie, die Sorge hinter dem Angriff zu finden und sie zu benennen, sobald der Ton es zulässt.',
        'Zeigen Sie beim nächsten Mal nach der Grenze, dass Sie sehen, was für {den Kunden} auf dem Spiel steht.',
      ],
      boundary: [
        'Üben Sie die ruhige Grenze: die Beleidigung einmal benennen, sachliches Weitermachen anbieten und erst nach einer Warnung höflich beenden.',
        'Setzen Sie die Grenze beim nächsten Mal in einem Satz und kehren Sie im nächsten zur Sache zurück.',
      ],
    },
    pressure: {
      composure: [
        'Üben Sie, unter Zeitdruck ruhig zu bleiben: kurz, klar und ohne Zusagen, die Sie nicht halten können.',
        'Lassen Sie beim nächsten Mal das Drängen vorbeiziehen und antworten Sie mit dem, was möglich ist, und bis wann.',
      ],
      empathy: [
        'Üben Sie, jemandem in Eile in zwei Sätzen zu antworten: zuerst die Antwort, dazu den Zeitdruck benannt.',
        'Zeigen Sie beim nächsten Mal mit einem halben Satz, dass Sie die Eile gehört haben („Ich mache es kurz:“), dann gleich die Antwort.',
      ],
      boundary: [
        'Üben Sie, Druck von Beleidigung zu unterscheiden: Wer drängt, braucht Tempo, keine Zurechtweisung.',
        'Antworten Sie beim nächsten Mal auf das Drängen mit einer klaren Antwort statt mit einer Warnung.',
      ],
    },
    unusual_request: {
      composure: [
        'Üben Sie, einen ungewöhnlichen Wunsch ernst zu nehmen, ohne belustigt oder steif zu klingen.',
        'Beantworten Sie beim nächsten Mal eine überraschende Bitte so ruhig wie eine alltägliche.',
      ],
      empathy: [
        { text: 'Üben Sie, zu fragen, was hinter einem ungewöhnlichen Wunsch steckt, bevor Sie antworten.', asks: ['asks_open'] },
        {
          text: 'Zeigen Sie beim nächsten Mal Interesse am Grund des Wunsches; das eigentliche Anliegen lässt sich oft leichter erfüllen.',
          asks: ['asks_open'],
        },
      ],
      boundary: [
        'Üben Sie, einen Wunsch abzulehnen, ohne den Menschen abzulehnen: Was ist stattdessen möglich?',
        'Halten Sie die Grenze beim nächsten Mal freundlich und bieten Sie im selben Atemzug eine Alternative an.',
      ],
    },
    relationship: {
      composure: [
        'Üben Sie, auf eine kühle Nachricht warm zu antworten, ohne sich zu verteidigen.',
        'Lassen Sie beim nächsten Mal weg, wer recht hatte, und schreiben Sie, wie Sie wieder gut zusammenarbeiten.',
      ],
      empathy: [
        'Üben Sie, langjähriger Kundschaft zu zeigen, dass sie Ihnen wichtig ist: die Funkstille und Ihren Anteil daran ansprechen.',
        {
          text: 'Benennen Sie beim nächsten Mal, was sich für {den Kunden} verändert hat, und schlagen Sie ein persönliches Gespräch vor.',
          asks: ['proposes_contact'],
        },
      ],
      boundary: [
        'Üben Sie, eine knappe E-Mail als Distanz zu lesen, nicht als Angriff: keine Zurechtweisung, eine offene Tür.',
        {
          text: 'Antworten Sie beim nächsten Mal auf Kühle mit einem persönlichen Gesprächsangebot statt mit einer Richtigstellung.',
          asks: ['proposes_contact'],
        },
      ],
    },
  },
} as const satisfies FeedbackText;
