import type { FeedbackText } from './feedback-text-types.js';

export const en = {
  empty: {
    strength: 'Nothing to rate yet: the reply was empty.',
    tip: 'Write at least one sentence to the customer, even a short one. Silence reads as indifference.',
    example: "I'm here and I'm listening. Tell me what happened.",
  },
  unavailable: {
    strength: 'This reply could not be assessed in detail, so it got neutral scores.',
    tip: 'Carry on with the conversation; the next reply will be graded as usual.',
    example: 'Let me check that for you right away.',
  },
  strengths: {
    boundary_set_well: [
      'You named the insult calmly and kept the door open: "{quote}".',
      'Clear and calm boundary: "{quote}". That protects you without escalating.',
    ],
    boundary_ended_after_warning: [
      'You had warned before, so ending the conversation politely was consistent: "{quote}".',
      'Ending after an earlier warning, without raising your voice, was the right call: "{quote}".',
    ],
    stayed_out_of_tone: [
      'You let the anger pass without taking it personally or lecturing the customer.',
      'You stayed on the matter instead of reacting to the tone. That keeps the conversation open.',
    ],
    calm: ['Your tone stayed calm and professional.', 'You answered without getting defensive or sharp. That calm is the basis for everything else.'],
    specific_empathy: [
      'You put the customer\'s situation into words: "{quote}".',
      'Specific empathy: "{quote}" shows you listened to this customer in particular.',
    ],
    warmth: ['Your reply sounds warm and sincere: "{quote}".', 'You showed real concern: "{quote}".'],
    generic_empathy: ['You acknowledged the customer: "{quote}".', 'You signalled that you take the concern seriously: "{quote}".'],
    exploration: ['Good question to understand more: "{quote}".', 'You asked instead of assuming: "{quote}".'],
    solution_with_time: [
      'You offered a concrete next step with a time: "{quote}".',
      'Concrete and binding: "{quote}". The customer knows what happens and when.',
    ],
    solution: ['You offered a concrete next step: "{quote}".', 'You moved towards a solution: "{quote}".'],
    polite_close: ['You closed the conversation politely.', 'A friendly ending leaves a good last impression.'],
    respected_no: [
      'You took the "no" seriously and let the customer go: "{quote}". That keeps the door open for another day.',
      'No pressing, no selling: "{quote}". Letting go is what this moment asked for.',
    ],
    summary: ['You summed up the concern before moving on: "{quote}".', 'Your summary shows you have the whole picture: "{quote}".'],
    information: ['You gave the customer what they needed to know: "{quote}".', 'Clear and to the point: "{quote}".'],
    fallback: [
      'You stayed in the conversation and answered. Build on that with the tip below.',
      'You replied directly to the customer. The tip below shows the next step up.',
    ],
    kept_step: [
      'One part is worth keeping: the next step you offered, "{quote}". Everything around it needs a calmer tone.',
      'The offer itself is useful: "{quote}". It gets lost in the tone around it.',
    ],
    low_hostile: [
      'There is nothing to build on here: hitting back at the customer outweighs everything else in the reply.',
      'This reply attacks the customer; no strength counts while that is in it.',
    ],
    low_sarcasm: [
      'The words may be polite, but the mocking edge is what the customer will hear.',
      'Whatever the reply means to help with, the irony in it lands first.',
    ],
    low_passive_aggressive: [
      'Whatever the wording, what comes across is the dig.',
      'Under the words there is a reproach, and the reproach is what the customer hears.',
    ],
    low_blame: [
      "The facts may be right, but what comes across is that it is the customer's fault.",
      "The reply is about whose fault it is, not about the customer's problem.",
    ],
    low_minimising: [
      'Whatever help follows, the customer first hears that their trouble is no big thing.',
      'The reply makes the problem smaller than it is for the customer, and that is what stays with them.',
    ],
    low_dismissive: ['The reply closes the door on the customer instead of opening one.', 'The customer is left alone with the problem here.'],
    low_defensive: [
      "The reply defends you or the company; the customer's problem gets no room.",
      'Most of the reply is justification; the customer is still waiting for help.',
    ],
    low_shouting: ['The volume of the reply drowns out what it says.', 'Capitals and exclamation marks read as shouting, whatever the content.'],
    low_condescending: [
      'The reply talks down to the customer, and that is what they will remember.',
      'The explanation comes from above; the customer will feel that more than the content.',
    ],
    low_general: ['The tone of this reply gets in the way of what it says.', 'This reply is not yet one to build on; the tip shows where to start.'],
    ended_too_early: [
      'Protecting yourself is right, but ending at the first insult left the customer no way back.',
      'Ending the conversation came too early: the customer had not been warned.',
    ],
  },
  tips: {
    boundary_missing: [
      {
        tip: 'The customer insulted you personally and the reply let it pass. Name it once, calmly, then offer to carry on with the matter.',
        example: "Please don't speak to me like that. I'm glad to sort this out with you once we keep it respectful.",
        family: 'boundary',
        asks: ['sets_boundary'],
      },
      {
        tip: "Do not swallow a personal insult. One calm sentence about the behaviour, then straight back to the customer's concern.",
        example: "I won't accept personal insults. Let's get back to your transfer so I can help you.",
        family: 'boundary',
        asks: ['sets_boundary'],
      },
    ],
    boundary_too_harsh_hostile: [
      {
        tip: 'The boundary came out hostile. Name the behaviour, not the person, and keep your voice level.',
        example: "I'd ask you not to insult me. I do want to help you with this.",
        family: 'boundary',
        // a jab back with no limit named is no hostile boundary: the other variant names it as hitting back
        presumes: ['sets_boundary'],
      },
      {
        tip: 'Hitting back escalates. Describe what you will not accept, without judging the customer.',
        example: "That tone isn't okay for me. If we stay factual, I'll find a solution with you.",
        family: 'boundary',
      },
    ],
    boundary_too_harsh_first_insult: [
      {
        tip: 'Ending the conversation at the first insult is too early. Warn once first; end only if the insults continue.',
        example: 'Please leave out the personal insults. If they continue, I will end the call, but I would rather help you.',
        family: 'boundary',
      },
      {
        tip: 'Give the customer one chance: name the insult and say what happens if it goes on, before you end.',
        example: "I won't continue if I'm insulted. Let's stay factual and I'll look at your account right now.",
        family: 'boundary',
      },
    ],
    boundary_unnecessary: [
      {
        tip: 'The customer did not attack you personally; the anger is about the situation. A reprimand only adds to it: leave it out and stay with the problem.',
        example: 'I can hear how annoying this is for you. Let me look at what went wrong with your order.',
        family: 'empathy',
      },
      {
        tip: 'Venting is not an insult. Let it pass, stay friendly and show what you will do.',
        example: "Three weeks of waiting is really frustrating. I'll check the status now and call you back by 3 pm.",
        family: 'empathy',
        asks: ['offers_step'],
      },
    ],
    boundary_offer_continue: [
      {
        tip: 'The boundary was clear. Add an offer to continue, so the customer can come back to the matter.',
        example: "Please don't insult me. I'm happy to continue with your complaint right away.",
        family: 'boundary',
        asks: ['offers_step'],
      },
      {
        tip: 'After naming the insult, open the way back: say what you will do for the customer next.',
        example: 'I ask you to stay respectful. Then I will go through your case with you step by step.',
        family: 'boundary',
        asks: ['offers_step'],
      },
    ],
    composure_insult: [
      {
        tip: 'Insults or swearing end any chance of a solution. Stay on the matter, however hard the customer pushes.',
        example: 'I understand this has cost you a lot of time. Let me see what I can do about it now.',
        family: 'composure',
      },
      {
        tip: 'Take a breath before you answer. Describe the problem, never the person.',
        example: 'Let me check exactly what happened with your payment.',
        family: 'composure',
      },
    ],
    composure_sarcasm: [
      {
        tip: 'Polite words with a sarcastic edge still land as mockery: "{quote}". Say plainly what you mean.',
        example: 'Good question. Let me show you where the fee is explained in the terms and what it covers.',
        family: 'composure',
      },
      {
        tip: 'Irony is easily misread in a tense conversation. Drop it and stay sincere.',
        example: "You're right to ask. Let me explain how the fee came about.",
        family: 'composure',
      },
    ],
    composure_blame: [
      {
        tip: 'Blaming the customer starts a fight about fault. Look forward: what can be done now?',
        example: 'Whatever caused it, let us make sure it gets fixed. I will take care of it today.',
        family: 'composure',
      },
      {
        tip: 'Even if the customer made a mistake, pointing it out now helps nobody. Offer the way out first.',
        example: "Let's fix this together. I'll reverse the charge and show you how to avoid it next time.",
        family: 'composure',
      },
    ],
    composure_defensive: [
      {
        tip: "Justifying yourself makes the conversation about you. Put the customer's problem back in the centre.",
        example: 'I want to understand what went wrong for you. What happened when you called last week?',
        family: 'composure',
      },
      {
        tip: 'You do not need to defend yourself or the company first. Acknowledge, then act.',
        example: 'That should not have happened. I will check it straight away.',
        family: 'composure',
      },
    ],
    composure_doubt: [
      {
        tip: 'Calm on the whole, but "{quote}" may land as a jab. Read it as the customer will hear it, and say it so it cannot be misread.',
        example: 'I understand. Let me see what I can do for you right now.',
        family: 'composure',
      },
      {
        tip: 'One sentence could come across as a dig: "{quote}". Put it plainly and warmly.',
        example: 'Thank you for telling me. Here is what I can do.',
        family: 'composure',
      },
    ],
    composure_minimising: [
      {
        tip: 'Playing the problem down tells the customer their trouble does not count. Take it as seriously as they do, then solve it.',
        example: 'I can see this matters to you today. Here is the quickest way to sort it out.',
        family: 'composure',
      },
      {
        tip: 'What is routine for you is a first for the customer. Say that it matters before you explain what to do.',
        example: 'I know you rely on it. Let me get it working for you now.',
        family: 'composure',
      },
    ],
    composure_dismissive: [
      {
        tip: 'Sending the customer away shuts the door. Say what you can do, even if it is small.',
        example: "I can't change the fee myself, but I will pass your case to my team lead today and call you back.",
        family: 'composure',
        asks: ['offers_step'],
      },
      {
        tip: 'Rules are rarely the best first sentence. Start with what is possible for the customer.',
        example: 'Let me see which options you have. One of them may solve this today.',
        family: 'composure',
        asks: ['offers_step'],
      },
      {
        tip: 'Making light of the problem or passing it on leaves the customer alone with it. Treat it as yours until it is solved.',
        example: 'This matters, and I will make sure it gets sorted.',
        family: 'composure',
      },
    ],
    composure_shouting: [
      {
        tip: 'Capitals read as shouting. Write in normal case, even when you want to stress a point.',
        example: 'It is important to me that we solve this today.',
        family: 'composure',
      },
      {
        tip: 'Lower the volume: calm text calms the customer.',
        example: 'I hear you. Let us go through it step by step.',
        family: 'composure',
      },
    ],
    composure_condescending: [
      {
        tip: 'Talking down to the customer hurts the relationship. Speak to them as an equal, and keep their form of address.',
        example: "You're right, that step isn't obvious. I'll go through it with you.",
        family: 'composure',
      },
      {
        tip: 'Avoid lecturing. Explain briefly and check if it helps.',
        example: 'Here is how it works. Does that answer your question?',
        family: 'composure',
      },
    ],
    composure_lecturing: [
      {
        tip: 'Telling the customer what they should have done puts them in the dock. Skip the lesson and help with what is in front of you.',
        example: "Let's sort it out now. I'll show you the quickest way.",
        family: 'composure',
      },
      {
        tip: 'A lesson is the last thing an upset customer wants. If a tip will help them later, offer it at the end, kindly and briefly.',
        example: "It's done. If it helps, I can also set up a reminder so this doesn't catch you out again.",
        family: 'composure',
      },
    ],
    composure_passive_aggressive: [
      {
        tip: 'Polite form, hostile message: "{quote}" will be heard as a jab. Say it straight and friendly.',
        example: 'Let me go through it once more, step by step.',
        family: 'composure',
      },
      {
        tip: 'Pointing out that you have said it before reads as a reproach. Give the information again as if for the first time.',
        example: 'Here it is again in short: the form is attached, and I am happy to help you fill it in.',
        family: 'composure',
      },
    ],
    composure_unclear: [
      {
        tip: '"{quote}" is likely to land badly with the customer, whatever was meant. Say plainly, without an edge, what you can do.',
        example: 'Thank you for telling me. Here is what I can do for you now.',
        family: 'composure',
      },
      {
        tip: 'Read "{quote}" as the customer will hear it: it comes across as a jab. Leave the edge out and answer the matter.',
        example: 'I understand. Let me sort this out for you.',
        family: 'composure',
      },
    ],
    composure_general: [
      {
        tip: 'Keep the tone even and friendly, and answer the matter rather than the mood.',
        example: "Thank you for your patience. Here's what I will do next.",
        family: 'composure',
      },
      {
        tip: 'A calmer, more complete sentence would come across as more professional.',
        example: 'I will take care of this for you right away.',
        family: 'composure',
      },
    ],
    empathy_none: [
      {
        tip: 'Start by acknowledging how the customer feels before the facts.',
        example: 'That sounds really frustrating, especially after waiting so long.',
        family: 'empathy',
        asks: ['acknowledges'],
      },
      {
        tip: "The reply goes straight to business. One sentence that shows you noticed the customer's situation makes a big difference.",
        example: 'I can imagine how worrying it is when something you rely on suddenly stops working.',
        family: 'empathy',
        asks: ['acknowledges'],
      },
    ],
    // to a customer with an unusual wish and no complaint: there is no feeling to acknowledge yet, but a person and a reason
    empathy_wish: [
      {
        tip: 'Before the details, show that you see the person behind the wish: say what you notice about what it is for.',
        example: 'Of course. It sounds as if today is a special occasion for the two of you.',
        family: 'empathy',
        asks: ['acknowledges'],
      },
      {
        tip: 'You went straight to what can be done. Ask what the wish is for: the answer often opens a better solution.',
        example: 'Is it for someone in particular? Then I will see what the kitchen can do for them.',
        family: 'exploration',
        asks: ['asks_open', 'asks_closed'],
      },
    ],
    empathy_generic: [
      {
        tip: '"{quote}" is a start. Say what you understand: name the feeling or the situation in the customer\'s own terms.',
        example: 'Having to wait for this on top of everything else must be really stressful.',
        family: 'empathy',
        asksNaming: true,
      },
      {
        tip: 'Make the empathy specific: pick up a detail the customer mentioned.',
        example: 'Three calls and still no answer — no wonder you are fed up.',
        family: 'empathy',
        asksNaming: true,
      },
      {
        tip: 'You named it; now make it theirs: say what it means for this customer, or ask what matters most to them now.',
        example: "That means you can't rely on it at the moment. What would help you most right now?",
        family: 'empathy',
        asks: ['asks_open'],
      },
    ],
    empathy_but: [
      {
        tip: 'An empathy phrase followed by "but" and a refusal cancels itself. Let the acknowledgement stand, then say what you can do.',
        example: 'I understand how annoying this fee is. Here is what I can do about it.',
        family: 'empathy',
      },
      {
        tip: 'Keep the acknowledgement and drop the "but": follow it with a step forward instead.',
        example: 'I see why this upsets you, and I will check whether we can refund it.',
        family: 'empathy',
      },
    ],
    empathy_repeated: [
      {
        tip: 'The same empathy formula every turn starts to sound scripted. Vary it and refer to what the customer just said.',
        example: "So on top of the problem itself, nobody called you back. I'm sorry, that should not have happened.",
        family: 'empathy',
      },
      {
        tip: 'Use fresh words: react to the newest thing the customer told you.',
        example: 'Missing the train because of this makes it even worse.',
        family: 'empathy',
      },
    ],
    empathy_feeling_dismissed: [
      {
        tip: 'Telling the customer not to be upset dismisses their feeling. Accept the feeling and name it.',
        example: 'You have every reason to be annoyed about this.',
        family: 'empathy',
      },
      {
        tip: 'Feelings are not up for debate. Acknowledge them, then move on to the matter.',
        example: 'I understand that this worries you. Let us look at it together.',
        family: 'empathy',
      },
    ],
    grief_push: [
      {
        tip: 'This customer is dealing with a loss. Business talk now feels cold; leave products for another day.',
        example: 'I am very sorry. We do not have to talk about your accounts today. Would another time suit you better?',
        family: 'empathy',
      },
      {
        tip: 'Put the agenda aside. Be present first; offer to talk about money matters later.',
        example: 'Please take the time you need. I can call you next week, whenever it suits you.',
        family: 'empathy',
      },
    ],
    respect_no: [
      {
        tip: 'The customer asked to be left alone. Respect it: a short, warm goodbye that leaves the door open does more than any question now.',
        example: 'I am sorry to have caught you at a bad moment. I will leave you in peace; you can reach me whenever you like.',
        family: 'empathy',
      },
      {
        tip: 'When a customer says no to the conversation, a question presses on, however kindly meant. Let them go and make coming back easy.',
        example: 'Of course. Please forgive the interruption. If there is anything I can do later, I am here.',
        family: 'empathy',
      },
    ],
    grief_cheer: [
      {
        tip: 'Cheering the customer up skips over the pain. Stay with what they feel.',
        example: 'That is a lot to carry. How are you managing at the moment?',
        family: 'empathy',
      },
      {
        tip: 'Forced optimism makes a grieving person feel unheard. A quiet acknowledgement works better.',
        example: 'I am so sorry to hear that. Thank you for telling me.',
        family: 'empathy',
      },
    ],
    grief_acknowledge: [
      {
        tip: 'A short formula sounds distant when someone is carrying something heavy. Say in simple words what you notice and leave the customer room.',
        example: 'I am so sorry you are going through this. How are you managing at the moment?',
        family: 'empathy',
      },
      {
        tip: 'Stay with the person before the paperwork: one warm sentence about what they are going through, then let them set the pace.',
        example: 'That is a lot to carry all at once. We can take this one step at a time.',
        family: 'empathy',
      },
    ],
    empathy_explore: [
      {
        tip: 'Good empathy. Add an open question to learn what matters most to the customer now.',
        example: 'What would help you most right now?',
        family: 'exploration',
        asks: ['asks_open'],
      },
      {
        tip: "Follow the acknowledgement with a question about the customer's situation.",
        example: 'How did you notice the problem?',
        family: 'exploration',
        asks: ['asks_open'],
        presumes: ['acknowledges'],
      },
    ],
    pressure_long: [
      {
        tip: 'The customer said time is short, and this reply makes them wait. Lead with the answer in one or two sentences; details can follow if they ask.',
        example: 'Yes: confirm the new limit in your app now and the transfer goes through within minutes.',
        family: 'solution',
      },
      {
        tip: 'A long explanation costs a hurried customer the time they do not have. Answer first, explain later.',
        example: 'It works today. One tap in your app and you are done.',
        family: 'solution',
      },
    ],
    pressure_overpromise: [
      {
        tip: '"{quote}" promises an outcome you do not control. Under pressure, say what you will do and when, and say honestly what you cannot guarantee.',
        example:
          'The limit goes up within minutes of your confirmation; I cannot promise the minute the money lands, but I will send you the payment confirmation right away.',
        family: 'solution',
      },
      {
        tip: 'A guarantee that may not hold ("{quote}") costs more trust than it buys time. Promise only your own next step.',
        example: "I can't promise the exact minute it arrives. What I can do: send you the confirmation for the dealer as soon as it goes out.",
        family: 'solution',
      },
    ],
    solution_missing: [
      {
        tip: 'Offer a concrete next step, ideally with a time, so the customer knows what happens.',
        example: 'I will check the booking now and call you back by 3 pm today.',
        family: 'solution',
        asks: ['offers_step'],
      },
      {
        tip: 'Say what you will do and when. Concrete steps calm better than reassurances.',
        example: 'I will send you the confirmation today, and you will have everything within three working days.',
        family: 'solution',
        asks: ['offers_step'],
      },
    ],
    solution_time: [
      {
        tip: 'Your next step is good; a time makes it binding.',
        example: 'I will call you back by noon tomorrow at the latest.',
        family: 'solution',
        asks: ['names_time'],
      },
      {
        tip: 'Add when it will happen, so the customer can rely on it.',
        example: 'You will have the refund on your account within two working days.',
        family: 'solution',
        asks: ['names_time'],
      },
    ],
    polish_grief: [
      {
        tip: 'Strong reply. Offer the customer control over timing: when and whether to talk about business.',
        example: 'Shall I get back to you in a few weeks, or would you rather call me when you are ready?',
        family: 'closing',
        asks: ['proposes_contact'],
        asksChoice: true,
      },
      {
        tip: 'Well done. Keep the pace slow and the words simple; silence is allowed.',
        example: "Take all the time you need. I'm here.",
        family: 'closing',
      },
    ],
    polish_venting: [
      {
        tip: "Strong reply. Summarise the customer's concern in one sentence to show you have the full picture.",
        example: 'So it stopped working just when you needed it, and nobody picked up — is that right?',
        family: 'empathy',
        asks: ['summarises'],
      },
      {
        tip: 'Well done. Close the loop: promise a follow-up so the customer does not have to chase you.',
        example: 'I will email you tonight as soon as it is sorted.',
        family: 'closing',
        asks: ['offers_step'],
      },
    ],
    polish_insults: [
      {
        tip: 'Well handled. If the insults return, stay consistent: warn once, then end politely.',
        example: 'As I said, I will not continue with insults. If this goes on, I will end the call.',
        family: 'boundary',
      },
      {
        tip: 'Good. Keep returning to the matter after each incident, so the customer has a way out.',
        example: 'Now, back to your request: what should we look at first?',
        family: 'boundary',
        // a reply that already went back to the matter has done it
        asks: ['gives_info', 'offers_step', 'asks_open', 'asks_closed'],
      },
    ],
    polish_pressure: [
      {
        tip: 'Good reply. Under pressure, say clearly what is possible and by when; do not promise more.',
        example: "I can't confirm the rate today, but I'll have an answer for you by Thursday noon.",
        family: 'solution',
        asks: ['names_time'],
      },
      {
        tip: 'Well done. Take the time you need to check, and tell the customer why it is worth waiting.',
        example: 'I want to give you a reliable answer, so I will check it and call you back this afternoon.',
        family: 'solution',
        // advice for a reply that could not answer yet: one that gave the answer has no wait to explain
        asks: ['offers_step', 'gives_info'],
      },
      {
        tip: 'Right for someone in a hurry: the answer came first and nothing was left to wait for. Keep replies this short when the pressure rises.',
        example: 'Done: your card works again, please try it now.',
        family: 'solution',
        asks: [],
      },
    ],
    polish_unusual_request: [
      {
        tip: 'Good reply. Ask what is behind the wish; often a different solution meets the real need.',
        example: 'What would that make possible for you? Maybe there is another way to get there.',
        family: 'exploration',
        asks: ['asks_open'],
      },
      {
        tip: 'Well done. Offer an alternative you can actually deliver.',
        example: 'That exact option is not available, but I can offer you this instead.',
        family: 'solution',
        asks: ['offers_step'],
      },
    ],
    polish_relationship: [
      {
        tip: 'Good reply. Propose a personal contact to rebuild the relationship.',
        example: 'Shall we meet for a coffee next week and talk it through in person?',
        family: 'closing',
        asks: ['proposes_contact'],
      },
      {
        tip: 'Well done. Acknowledge the long relationship and what it means to you.',
        example: 'We have worked together for years, and I want that to continue.',
        family: 'empathy',
      },
    ],
    polish_general: [
      {
        tip: 'Strong reply. To make it even better, check at the end whether the solution works for the customer.',
        example: 'Does that work for you?',
        family: 'closing',
        asks: ['asks_closed', 'asks_open'],
        presumes: ['offers_step'],
      },
      {
        tip: "Well done. Keep it short and personal; use the customer's name once.",
        example: 'Mr Smith, I will take care of it personally.',
        family: 'closing',
        asksName: true,
      },
      {
        tip: 'Well done. Keep this tone for the rest of the conversation, whatever comes next.',
        example: 'I will take care of it personally.',
        family: 'closing',
      },
    ],
  },
  injectionNote: 'Text addressed to the grader is ignored; only what you say to the customer counts.',
  summary: {
    composure: [
      'Practise staying calm and factual when the customer gets loud: answer the matter, not the tone.',
      'Next time, read each reply once before you send it: no irony, no blame, no capitals, then the next step.',
    ],
    empathy: [
      { text: "Practise naming the customer's feeling or situation in their own terms, then ask an open question.", asks: ['asks_open'] },
      'Next session, pick up one detail the customer mentioned in each reply and say what it means for them.',
    ],
    boundary: [
      'Practise telling insults from venting: name a personal insult once, calmly, and offer to continue; let plain anger pass.',
      'Practise the two cases side by side: a personal insult gets one calm sentence and an offer to go on; anger at the situation gets no reprimand.',
    ],
    empathy_kept: [
      "You put the customer's situation exactly into words, just not in the reply that solved it. Practise carrying it there: half a sentence of acknowledgement, then the step.",
      'Your best reply named what the customer went through. Next time, let the reply with the solution open with one detail from their words too.',
    ],
    empathy_specific: [
      'Every reply that dealt with the matter reached the customer at least in general terms. To go further, pick up one detail from their own words and say what it means for them: half a sentence is enough, even in a hurry.',
      'None of your answers to the matter left the customer out; most stayed general. Next time, name one thing they told you, in their words, before your answer.',
    ],
    empathy_deepen: [
      // a reply that set a limit at an insult is not counted here (sessionSummary): "every reply" would not be true
      {
        text: 'Every reply that dealt with the matter named what this customer went through. For full marks, add one open question about what matters most to them now.',
        asks: ['asks_open'],
      },
      'Wherever the matter was at stake, your empathy was specific. Next time, let some warmth of your own show too, or ask openly what would help them most.',
    ],
    strong: [
      'A strong conversation on all three criteria. Try the same situation at the harsh intensity, or a different customer.',
      'Calm, empathetic and right on the boundary: next, pick a conversation you find harder, or the tougher intensity.',
    ],
  },
  summaryByFocus: {
    venting: {
      composure: [
        'With an angry customer, practise letting the anger pass and answering with the next concrete step and a time.',
        'Practise staying out of the argument: no justification, just what you will do and when.',
      ],
      empathy: [
        'Practise naming what went wrong for this customer before you fix it: the wait, the embarrassment, the lost time.',
        "Next time, put the customer's experience into one sentence of your own before the solution.",
      ],
      boundary: [
        'This customer is angry at the situation, not at you: practise letting it pass without a reprimand.',
        'Practise hearing venting as venting: no "calm down", no warning, just help.',
      ],
    },
    grief: {
      composure: [
        'Practise keeping your own agenda out of a difficult call: a calm voice, short sentences, no pressure.',
        'Next time, slow down: one quiet sentence at a time, and let the customer lead.',
      ],
      empathy: [
        'Practise staying with a customer in a hard moment: a quiet, specific acknowledgement and no business talk.',
        { text: 'Next time, ask how the customer is before anything else, and offer to talk later.', asks: ['asks_open', 'proposes_contact'] },
      ],
      boundary: [
        'Practise taking a sharp reaction not personally: it is rarely about you. No reprimand; leave the door open.',
        'Next time, answer a brusque reaction with patience, not with a warning.',
      ],
    },
    insults: {
      composure: [
        'Practise answering a personal attack without hitting back: one breath, then the matter.',
        'Next time, let the insult bounce off: a calm voice takes the power out of it.',
      ],
      empathy: [
        'Practise finding the worry behind the attack and naming it once the tone allows.',
        'Next time, after the boundary, show that you see what is at stake for the customer.',
      ],
      boundary: [
        'Practise the calm boundary: name the insult once, say you will go on factually, and end politely only after a warning.',
        'Next time, set the boundary in one sentence and return to the matter in the next.',
      ],
    },
    pressure: {
      composure: [
        'Practise staying calm when you are rushed: short, clear, and no promise you cannot keep.',
        'Next time, let the pressure pass and answer with what is possible and by when.',
      ],
      empathy: [
        'Practise answering a customer in a hurry in two sentences: the answer first, their time pressure named.',
        'Next time, show in half a sentence that you heard the hurry ("I\'ll keep it short:"), then give the answer.',
      ],
      boundary: [
        'Practise telling pressure from insult: a demanding customer needs speed, not a reprimand.',
        'Next time, answer the push with a clear answer rather than a warning.',
      ],
    },
    unusual_request: {
      composure: [
        'Practise taking an unusual wish seriously without sounding amused or stiff.',
        'Next time, answer a surprising request as calmly as an everyday one.',
      ],
      empathy: [
        { text: 'Practise asking what lies behind an unusual wish before you answer it.', asks: ['asks_open'] },
        { text: 'Next time, show interest in the reason for the wish; the real need is often easier to meet.', asks: ['asks_open'] },
      ],
      boundary: [
        'Practise saying no to a wish without rejecting the person: what is possible instead?',
        'Next time, keep the limit friendly and offer an alternative in the same breath.',
      ],
    },
    relationship: {
      composure: [
        'Practise answering a cold message warmly, without defending yourself.',
        'Next time, leave out who was right and write about how you will work together again.',
      ],
      empathy: [
        'Practise showing a long-standing client that they matter: acknowledge the silence and your part in it.',
        { text: 'Next time, name what has changed for the client and propose talking in person.', asks: ['proposes_contact'] },
      ],
      boundary: [
        'Practise reading a terse e-mail as distance, not as an attack: no reprimand, an open door.',
        { text: 'Next time, answer coolness with a personal offer to talk rather than a correction.', asks: ['proposes_contact'] },
      ],
    },
  },
} as const satisfies FeedbackText;
