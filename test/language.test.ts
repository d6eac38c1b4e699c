import assert from 'node:assert/strict';
import { analyseText } from '../src/core/language/analysis.js';
import { SPELLER } from '../src/core/language/lexicon.js';
import { wordsOf } from '../src/core/language/words.js';
import { parseDocument, polarityOf } from '../src/core/index.js';
import { hasFeature } from '../src/core/features.js';
import { documentKind } from '../src/core/kinds.js';

/** The linguistic layer on its own: words, who a claim is about, what is said, and polarity. */

const claims = (text: string) => analyseText(text).claims.map((c) => `${c.kind}:${c.polarity}:${text.slice(c.start, c.end)}`);

describe('linguistic layer', () => {
  describe('words', () => {
    it('splits contractions and keeps the written span for both halves', () => {
      const words = wordsOf("She doesn't care.");
      assert.deepEqual(words.filter((w) => !w.punct).map((w) => w.w), ['she', 'does', 'not', 'care']);
      assert.equal(words[1].raw, "doesn't");
      assert.equal(words[2].start, words[1].start);
    });

    it('reads a missing space after a full stop as two words', () => {
      assert.deepEqual(wordsOf('deadlines.Though').map((w) => w.w), ['deadlines', 'though']);
    });

    it('treats words that are also object property names as words', () => {
      for (const word of ['constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
        assert.deepEqual(wordsOf(word).map((w) => w.w), [word.toLowerCase()]);
      }
    });
  });

  describe('who and what', () => {
    const cases: Array<[string, string[]]> = [
      ['Miles is lazy.', ['trait:criticism:lazy']],
      ["He's so disorganised.", ['trait:criticism:disorganised']],
      ['He was late, so we lost the slot.', []],
      ['Revenue is weak this quarter.', []],
      ['Our new hire is rude to the drivers.', ['trait:criticism:rude']],
      ['Customers were rude to the support team.', []],
      ['A model employee.', ['label:praise:A model employee']],
      ["Her work is below standard.", ['evaluation:criticism:below standard']],
      ['Tom does not do good work.', ['evaluation:criticism:does not do good work']],
      ['She told me she wants to move to design.', []],
      ['He has reached his ceiling here.', ['potential:criticism:has reached his ceiling']],
      ['She is nervous about the difficult call on Friday.', []],
      ['She never loses her temper, even with rude callers.', []],
      // Verdicts read from valence when no listed word matches, but not asks, reports or deeds.
      ['his attitude stinks tbh', ['evaluation:criticism:stinks tbh']],
      ['Her pricing models are sloppy.', ['evaluation:criticism:sloppy']],
      ['You should do better next year.', ['vague-ask:criticism:do better']],
      ['She said the feedback from the last playtest stung but was fair.', []],
      ['Yusuf covered the night shift when Ana was off sick.', []],
      ['Her kids are sick a lot.', []],
      // The writer as the gate for everything.
      ["I'll be personally approving every shift swap.", ["control:criticism:I'll be personally approving every"]],
      ["I'll sit in for the first two reviews.", []],
      ["Don't do anything without asking me first.", ["control:criticism:Don't do anything without asking me"]],
      ["You don't need to cc me on every email.", []],
      // Superlative labels, for the person and not for a customer.
      ["Honestly she is the most difficult person I've ever managed.", ['label:criticism:the most difficult person']],
      ['The most difficult customer this year was Acme.', []],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(claims(text), expected));
    }

    it('finds a guess at motive said as the writer’s own belief, not as reported speech', () => {
      assert.ok(claims('I believe he refused the shift out of spite.').some((c) => c.startsWith('motive:')));
    });
  });

  describe('typos in the words verdicts turn on', () => {
    const cases: Array<[string, string | undefined]> = [
      ['arrogent', 'arrogant'],
      ['incompetant', 'incompetent'],
      ['acountable', 'accountable'],
      // Inflections of other words are not typos, and known words are left alone.
      ['ambitions', undefined],
      ['reliably', undefined],
      ['positives', undefined],
      ['disagree', undefined],
    ];
    for (const [typo, expected] of cases) it(`${typo} → ${expected ?? 'unchanged'}`, () => assert.equal(SPELLER.correct(typo), expected));

    it('reads a verdict through a typo', () => {
      assert.deepEqual(claims('He is arrogent with the drivers.'), ['trait:criticism:arrogent']);
    });
  });

  describe('polarity', () => {
    const cases: Array<[string, string]> = [
      ['He always owns his mistakes and fixes them the same day.', 'praise'],
      ['seun has done well on the new allergen labelling, we have had zero allergen incidents from her shift.', 'praise'],
      ['He is less reliable than last year.', 'criticism'],
      ['He handled 3 complaints badly.', 'criticism'],
      ['Also the reports to GPs could be quicker.', 'criticism'],
      ['Could maybe tidy up a bit more at the end of the day but thats minor.', 'criticism'],
      ['Areas to work on, she needs more confidence on the paediatric side.', 'criticism'],
      ['She needs to take more ownership of the events programme and generally be more proactive.', 'criticism'],
      // After "but" a verdict counts more than before it, as a graded word does.
      ['She knows the stock inside out, no complaints there, but she has a short fuse with the drivers.', 'criticism'],
      ["Not sure she's ready for the line, extend probation 3 months.", 'criticism'],
      ['It would be nice if he could take a bit more ownership of the rota.', 'neutral'],
      ['She ran the audit brilliantly and kept the team calm.', 'praise'],
      ['Rind defects on the 12-month tomme dropped from about 6% of wheels to under 2% after he changed the brushing order.', 'praise'],
      ['Tom does not do good work.', 'criticism'],
      ['You never missed a sprint commitment this half.', 'praise'],
      ['The demo was kind of rushed and a bit confusing.', 'criticism'],
      ['He never responds to messages from the support team.', 'criticism'],
      ['The complaint log is reviewed every Monday.', 'neutral'],
      // A superlative carries its adjective's valence; a noun in -er ("blocker") and "latest" do not.
      ['Of the whole crew, Jamal is the weakest.', 'criticism'],
      ['Her handover notes are the sloppiest on the ward.', 'criticism'],
      ['You post your blocker in the channel before stand-up.', 'neutral'],
      ['The latest release went out on Tuesday.', 'neutral'],
      // "0 accidents", "zero failed payments": none of a bad thing is good news; so is a bad thing that fell.
      ['Kofi had 0 accidents and 0 fines this year.', 'praise'],
      ['You shipped the migration with zero failed payments.', 'praise'],
      ['Complaints are down 30% since March.', 'praise'],
      ['Complaints are up 30% since March.', 'criticism'],
      ['He made zero effort to fix it.', 'criticism'],
      // An ask to improve names what is missing with good words.
      ['He needs more confidence with pilots.', 'criticism'],
      // A particle belongs to its verb: "sign off" is no "off" verdict.
      ["I'll sign off your site log by Friday.", 'neutral'],
      ['His tone was off in the meeting.', 'criticism'],
      // Workplace senses: a probation extended, a let agreed and a machine tender are not praise.
      ['Recommendation: extend probation by 3 months.', 'neutral'],
      ['4 lets agreed in 3 months against a target of 12.', 'neutral'],
      ['Annual review 2024 - Declan Foley, Machine Tender PM3', 'neutral'],
      ["His numbers are the lowest on the team and he doesn't seem bothered.", 'criticism'],
      // A graded word that judges nobody: a discourse marker, a noun heading its phrase, a recommended action.
      ['To be honest I am not sure the room leader role is right for her.', 'neutral'],
      ['Quality of his work is below what we need on PM3.', 'criticism'],
      ['Recommend extend probation by 3 months, will review again then.', 'neutral'],
      ['He is honest with customers and owns his mistakes.', 'praise'],
      ['I would recommend her for the senior role.', 'praise'],
    ];
    for (const [text, expected] of cases) it(`${text} → ${expected}`, () => assert.equal(polarityOf(text), expected));
    it('too much of a good thing is a fault: "too quiet in meetings" is criticism, "you too" is not', () => {
      assert.equal(polarityOf('She is too quiet in the production meetings.'), 'criticism');
      assert.notEqual(polarityOf('Thanks, and well done to you too.'), 'criticism');
    });
  });

  describe('"by then" takes its date from the sentence before it', () => {
    const deadlines = (text: string) => parseDocument(text).sentences.map((s) => hasFeature(s, 'deadline'));
    it('after a dated sentence in the same paragraph', () => assert.deepEqual(deadlines('ADR course booked for 12 February. Kofi to do the 2 online modules before then.'), [true, true]));
    it('not with no date before it', () => assert.deepEqual(deadlines('The course is booked. Kofi to do the modules before then.'), [false, false]));
    it('not from another paragraph', () => assert.deepEqual(deadlines('Course booked for 12 February.\n\nKofi to do the modules before then.'), [true, false]));
  });

  describe('undertakings: someone says they will do something', () => {
    const undertakes = (text: string) => hasFeature(parseDocument(text).sentences[0], 'undertaking');
    const cases: Array<[string, boolean]> = [
      ["I'll send the rota by Friday.", true],
      ['Ana will draft the plan by 3 May.', true],
      ['HR will call you on Monday.', true],
      ['Heads of Year will send out the duty rota by 5 January.', true],
      ['Depot managers will confirm install slots by Friday.', true],
      ["We'll be sending the new rota on Friday.", true],
      ['Shaz will be in the drivers room on 28 August to help anyone set it up.', true],
      // A timetable, not a task.
      ['From Monday 7 July the early shift will start at 05:30 instead of 06:00.', false],
      // A forecast about things, a passive or a state, a consequence: nobody undertakes anything.
      ['Scores will feed into the monthly bonus from July.', false],
      ['Our branches will close at 4pm from 2 September.', false],
      ['All calls will be scored on the new form from Monday.', false],
      ['If the numbers are not up next quarter we will be having a very different conversation.', false],
      ['She will be available from Monday.', false],
    ];
    for (const [text, expected] of cases) it(`${text} → ${expected}`, () => assert.equal(undertakes(text), expected));
  });
  // One feature per describe: each case is a sentence and whether the feature holds for it.
  const featureCases: Array<[string, string, Array<[string, boolean]>]> = [
    [
      'past narrative: a story told, not news of a change',
      'past-narrative',
      [
        ['When the new customs system went live it started rejecting our shipments.', true],
        ['Count accuracy came in at 99.2%, our best ever.', true],
        ['Li Wei stayed till midnight to finish the stocktake.', true],
        ["If you've been out in the garden this week you will have seen the new sensory area.", true],
        ['You will see the new sensory area when it opens on Monday.', false],
        ['From Monday the new system replaces the old one.', false],
        ['His accounts will be reassigned across the team.', false],
        ['The Trust has appointed a new Director of Nursing.', false],
        ['The side door is closed from 1 May.', false],
      ],
    ],
    [
      'a check-in and nothing else is no next step',
      'checkin-only',
      [
        ["We'll look at all of this again at your mid-year in September.", true],
        ["We'll discuss at our 1:1 on 14 March.", true],
        ["Niamh will get the pipeline into the CRM by 30 September, and we'll sit down at her mid-year on 12 July.", false],
        ["Ife to trial the running sheet from 13 Jan; we'll look at the results together on 10 Feb.", false],
        ['I will send the rota by Friday.', false],
        ['We’ll look at turn times after two weeks and share the figures at the ops meeting on 20 March.', false],
        ["If you'd rather be in the other pod, message me by 22 Aug and we'll talk it through.", false],
      ],
    ],
    [
      'a suggestion for next time',
      'forward',
      [
        ['She should work on her delegation.', true],
        ['Practise the pitch with Emre before Friday.', true],
        ['Wai Ming did excellent work on the Harcourt Road library scheme this year.', false],
        ['Both of them passed the practical assessment in May on first try.', false],
        ['I want to start with the positives because there are a lot.', false],
        ["So I'll try to keep this short but there's a lot to cover.", false],
        ["Keep doing what he's doing for the Christmas party season.", false],
        ['Try the checklist on the next turnaround.', true],
        ['i dont see her to become supervisor in future.', false],
        ['Agnieszka has been with the practice 2 years now.', false],
        ['Finish the wrap-up before taking the next call rather than batching them at the end of the hour.', true],
        ['She rewrote the process so it is done monthly rather than whenever someone remembers.', false],
      ],
    ],
    [
      'an order for those a condition applies to',
      'conditional-order',
      [
        ["I went off what you told me, but if you'd rather be in the other pod, message me by 22 Aug.", true],
        ["If you can't make the 24th, book yourself on the 3 Mar course by Friday.", true],
        ['If anything is unclear, ask Dilnoza.', false],
        ['If it rains, the BBQ moves to the canteen.', false],
      ],
    ],
    [
      'owners named before a colon are people, not topics',
      'owner',
      [
        ['- [ ] Joy: order 200 boxes of gloves by Thu', true],
        ['Marta: revise the budget by Tuesday.', true],
        ['GH: quotes for the van by Friday.', true],
        ['Everyone: accept your Linear invite by Fri 14 March.', true],
        ['Squad leads: set up your cycles by the same date.', true],
        ['Comments: Too many repeat runs in Q3.', false],
        ['Field visit Turkana: to happen before end of July.', false],
        // Notes write an owner as an initial: "K to chase fleet".
        ['- K to chase fleet for a repair date, by Fri.', true],
        ['- Leon fits tide alarms to the radios by Friday 5 April.', true],
        ['Period: January - June 2024', false],
        ['Will put him with Frank on the bacon Tues mornings from next week.', true],
        ['Will be off next week.', false],
        ['Need to get the rota more even next year.', false],
      ],
    ],
  ];
  featureCases.push([
    'an order opens the sentence',
    'imperative',
    [
      ['Book your slot with Aisling by the Friday before.', true],
      ['Never leave the side door open.', true],
      ['Go-live is 14 October.', false],
      ['Call sheets went out before 7pm every single night of the shoot.', false],
      ['Dont think hes cut out for this kind of work to be honest.', false],
      ["Don't forget the temperature logs.", true],
      ['Release went out with no rollback for the first time in 4 sprints.', false],
      ['Never says no to an extra shift, always stays late to help.', false],
      ['For the next show, send a short version by 7pm with anything urgent.', true],
      ['Going forward, book the van through Kemi.', true],
      ['For the next show, we had a bigger crew.', false],
      ['Reason: Christmas party bookings, we already have 11 requests for Mondays.', false],
      ['Review period: Jan 2023 - Mar 2024', false],
      ['Use of desktop CAT tools for client work will no longer be permitted.', false],
      ['Review – Sunny Park (kitchen, sushi counter) – year 2024', false],
      ['Change always does.', false],
      ['Quality never did come cheap.', false],
      ['Please dont ask the till team to put it through.', true],
      ['Ask Magda if anything is unclear.', false],
      ["Don't worry about the backlog.", false],
    ],
  ]);
  featureCases.push([
    'arranges the next conversation, not the one the note records',
    'checkin',
    [
      ['Quick 1-1 w/ Rahul 12/3 - going well on the counter, told him the display was spot on.', false],
      ['1:1 – Kwame / Helen — 14 Nov', false],
      ['1:1 next week - Tuesday 3pm', true],
      ['Next DRB 18/06', true],
      ["I'd like Fatima to look at how she handles conflict.", false],
      ['new triage form - punting to Thurs practice meeting, not enough time this am', true],
      ["At Monday's team meeting we agreed the new layout.", false],
    ],
  ]);
  featureCases.push([
    'a story that only looks back, with no arrangement in it',
    'looks-back',
    [
      ['Since January he is running the Halal menu on Tuesday and Friday and we did not have one complaint.', true],
      ['Last week she raised it at her review, and we talked it through.', true],
      ['Next session booked for Thursday 31 July, 14:00.', false],
      ["lets do our next 1:1 mon 6/5 and see if the CRM training helped", false],
    ],
  ]);
  featureCases.push([
    "a check-in's when in a terse note's shorthand",
    'checkin-interval',
    [
      ['- next 1:1 two weeks', true],
      ['- next mtg same time', true],
      ['Review in two weeks.', true],
      ['Two weeks of nights coming up.', false],
      ['Next meeting in a month or so.', false],
      ['next 1:1 in 2 weeks-ish', false],
      ['next 1:1 in a couple of weeks', false],
    ],
  ]);
  featureCases.push([
    'a clear verdict on a piece of the work, not on the person',
    'about-an-area-of-work',
    [
      ['Paperwork is good.', true],
      ['HER STYLING IS GOOD, BRAND TEAM LIKE IT.', true],
      ['The ironing section is good when he is there.', true],
      ['His data is fine and he gets the assays done.', false],
      ['Faith is doing fine.', false],
      ['kenji is an absolute ROCKSTAR, a real asset to the team.', false],
      ['His tone is good with customers.', false],
    ],
  ]);
  featureCases.push([
    'something done, told as an achievement',
    'accomplishment',
    [
      ['She is the go-to person for the till system.', true],
      ['She will go to the supplier on Friday.', false],
    ],
  ]);
  featureCases.push([
    'names something concrete',
    'specific',
    [
      ['She cut the backlog from 64 cases to 12.', true],
      ['Waste on line 2 is down by half since March.', true],
      ['Good solid half.', false],
      ['A 10x engineer and a joy to work with.', false],
    ],
  ]);
  featureCases.push([
    'a growth path, not a verdict on one',
    'growth',
    [
      ['Next year I would like her to move into the senior role.', true],
      ['Would like him to do his powerboat level 2 over the winter so he can drive the RIB.', true],
      ['More details will follow in due course.', false],
      ['I will put her forward to lead the bearing replacement next year.', true],
      ["To be honest, I don't see Beatriz moving into a fee-earner role.", false],
      ['For next year she needs to work on her presentation skills.', true],
      ['Next step for her is building confidence presenting to the ops leads.', true],
      ['I am happy to support his fellowship application.', true],
      ["I dont think she really wants to be a dental nurse anymore.", false],
      ['Doesnt seem that bothered about the practice to be honest.', false],
      ['I would like to see her think about the senior handler role at some point.', true],
      ['i dont see her to become supervisor in future.', false],
      ["She doesn't seem very interested in learning the new clinical system.", false],
      ['He is keen to learn Python.', true],
      ["She's interested in the Stores Coordinator role, so we'll look at the job description together.", true],
      ['Maybe in two years he can become shift supervisor.', true],
      ["I'd like Tunde to own the Harrow account from January.", true],
      ['She would like to do her forklift licence in the spring.', true],
      ['No ticket waited more than ten minutes on Friday.', false],
      ['The area to work on is how he talks to suppliers.', false],
    ],
  ]);
  featureCases.push([
    'a dated check-in, however it is put',
    'checkin',
    [
      ['Back together Wed 19 Feb, 16:00, after the close.', true],
      ["Kofi digging in, update at tomorrow's standup", true],
      ['We look at whether the split is working on 12 June.', true],
      ['We meet our targets every month.', false],
      ["We'll reconvene on 3 June to see how it's going.", true],
      ["I'll review your numbers with you at month end.", true],
      ['I will check with you in one month time how it goes.', true],
      ['We will have another conversation in early April.', true],
      ['Same again next month.', true],
      ['Next board: 16 Jan, 09:00, Room B2.', true],
      ['Review: 18 Dec, same time.', true],
      ['Modified training this week, review Thurs.', true],
      ["Sofia will train him from 4th Nov and we'll see in Dec if he can do the close on his own.", true],
      ['The board approved the budget on 16 Jan.', false],
      ['Jamal to observe Mrs Lewis with 8X on Thursday.', false],
    ],
  ]);
  featureCases.push([
    'a date or a span',
    'deadline',
    [
      ['Next check in 2 wks.', true],
      ['next 1:1 same time next wk', true],
      ['Next 1:1 in a month or so', false],
      ['Send me the figures within a week or two.', false],
      ['End of probation review', false],
      ['We will decide by the end of probation.', true],
      ["I'll set up a follow up for the first week of May.", true],
      ['Revisit at the end of probation.', true],
      ["Let's pick this up again after the summer.", false],
      ['Support the new Year 7 scheme of work.', false],
      ['Dr Al-Khatib to bring a worked proposal to the May board.', true],
      ['We may review it in the new year.', false],
      ["She'll come to the ABA fair in June as our second person on the stand.", true],
      ['March timesheets are due.', false],
    ],
  ]);
  featureCases.push([
    'a rule or an order, written out or in a list',
    'order',
    [
      ['All visitors must sign in at reception.', true],
      ['Sign in and out at the gate every time.', true],
      ['Full PPE at all times past the turnstile.', true],
      ['No blanks, no ticking a whole column at end of shift.', true],
      ['Reminder - recalls need doing!!', true],
      ['No complaints, no sick days, a great quarter.', false],
      ['Black non-slip shoes only, no trainers.', true],
      ['- No jewellery except a plain band', true],
      ['FROM MONDAY 9 SEPT NO BLADE CHANGE WITHOUT A TWO PERSON LOCKOUT SIGN-OFF.', true],
      ['No one is to use the side door after 6pm.', true],
      ['Visitor team: route tours through the Home Front room instead.', true],
      ['Also pls stop eating at the counter', true],
      ["The old trolleys go back to the depot so please don't hide any away.", true],
      ['dont leave the yard gate open overnight.', true],
      ['Our aim is a repairs service that is right first time, every time.', false],
      ['We will deliver the best outcomes for every patient, every time.', false],
      ['Any issues please speak to Mrs Adeyemi in the office.', false],
      ['@channel from monday no phones on the shop floor, not in your pocket, nowhere.', true],
      ['Comments: too many repeat runs in Q3.', false],
      ['From Monday, no change to the rota.', false],
      ['The canteen reopens on Monday.', false],
      ['No complaints from the inspectors this year.', false],
    ],
  ]);
  featureCases.push([
    'what a change means for the reader, not words that only sound like it',
    'people-impact',
    [
      ['Your shift pattern stays the same.', true],
      ['Front counter team - from Mon 3rd March counter closes 8pm not 10pm.', true],
      ['We have taken the decision to move to a minimum of three office days per week.', true],
      ["Nobody's pay will change as part of this.", true],
      ['The clinic closes at 8pm on Fridays.', false],
      ['Heads up - from next week de-icing crew moving to the new base in hangar 3.', true],
      ['Q: Does this affect my January deals?', true],
      ['New times are 9am to 12pm in the back hall, starting after Easter.', true],
      ['New rota will be out when its out.', false],
      ['This will affect how you take customer orders.', true],
      ['I realise this is a big change for some of you.', false],
      ['You will hear more from your leadership teams in the coming months.', false],
      ['That means thinking bigger and moving faster.', false],
      ['That means leveraging our expertise and driving best-in-class outcomes.', false],
      ['As many of you will know, the leisure landscape continues to evolve.', false],
      ["Cargo's documentation is the responsibility of the Cargo team.", true],
      ['The book is maintained by Steve and Carol.', true],
      ["If you're on nights, there will be hot food in the vending area.", true],
      ["Day shift won't see any difference.", true],
      ["The error index describes compiler errors, so that's the compiler team's job.", true],
    ],
  ]);
  featureCases.push([
    'a time near enough to check progress against',
    'near-date',
    [
      ['We will review again next year.', false],
      ['Will review again in the new year.', false],
      // "In a few weeks" leaves the day open.
      ['Probation extended, lets catch up again in a few weeks and see how hes getting on.', false],
      ['next 1:1 in a couple of weeks', false],
      ['next 1:1 in two weeks', true],
      ['touch base again next month', false],
      ["We'll review your progress on 4 September.", true],
      ['Next year he will lead the night shift, and we will look at it again in March.', true],
    ],
  ]);
  featureCases.push([
    'says plainly what changes or stays the same for the readers',
    'plain-impact',
    [
      ['Nothing changes in your day-to-day for now.', true],
      ['Your shifts and hours stay the same.', true],
      ['That means bold bets and moving faster than anyone thinks is possible.', false],
    ],
  ]);
  featureCases.push([
    'restructures the organisation',
    'restructures',
    [
      ['Motor, Property and Liability claims teams will be brought together under one Claims model.', true],
      ['It has been decided that we will be moving towards a leaner operating model.', true],
      ['We will be bolder, faster and more customer-obsessed than ever.', false],
    ],
  ]);
  featureCases.push([
    'a way to ask questions',
    'question-channel',
    [
      ['If you want to learn more about our work, contact the inquiries desk.', true],
      ['If you would like to get involved, comment on the issue that interests you or open an issue yourself.', true],
      ['The issue with the rota is that nobody reads it.', false],
      ['If the earlier time is a problem, ring Declan at the co-op office (087 555 0142).', true],
      ['Questions to kingsway-move@northfreight.co.uk.', true],
      ["If the start time doesn't work for you, tell me or Leanne before 28 March.", true],
      ['There is training on the 7th, sign up on the sheet in the kitchen or ask Priyanka.', true],
      ['If you think a duty is missing, see Parminder in the depot office.', true],
      ["Maricel is running the training and she's the person to ask.", true],
      ['Nomvula is coordinating the porter rota - please send her any ward-specific issues by 22 March.', true],
      ['See Appendix 2 for the rota.', false],
      ["Don't email me about it.", false],
      ['No exceptions, dont ask your team leader.', false],
      ['This decision is final, so no questions will be taken on it.', false],
      ['We appreciate this will raise questions for a lot of you.', false],
      ['Not sure of exact dates yet.', false],
      ["If you're not sure, ask Sam on the front desk.", true],
      ['Any problems on the new route, tell Saw Eh Doh on dispatch or me.', true],
      ['You will get your score and comments in Calabrio within 2 days.', false],
      ["any q's drop them in #fieldloop-help", true],
      // Queries the team handles are work, not the readers' own questions.
      ['Client queries must be logged in Clockwise too, no exceptions.', false],
      ['The question before us is not whether we change, but how boldly.', false],
    ],
  ]);
  featureCases.push([
    'news of a change: a change word, or something starting on a named day',
    'announces-change',
    [
      ['As we head into the new year I wanted to share where I see us going.', false],
      ['Our industry is changing faster than ever.', false],
      ["Hi all, we're switching our fish supplier to Harbour & Co from the 15th.", true],
      ["St Bride's is joining the North Coast Health Partnership from April.", true],
      ['Kessler Construction has taken over as principal contractor from Monday 6th.', true],
      ['Further information on implementation will be shared via the usual channels in the coming months.', false],
      ['The canteen opens at 7 from next week.', true],
      ['Drinks are on the office at the Feast & Firkin on Friday from 5.', false],
      ['Anyone caught without a uniform will be sent home without pay.', false],
      ['From last April we saw complaints fall by a third.', false],
      ['Everyone got a card from London.', false],
    ],
  ]);
  featureCases.push([
    'a wish that nobody has acted on',
    'wish',
    [
      ['Jamal wants to do his SMSTS next year.', true],
      ["For next year I'd like to put her forward for the GLP course.", true],
      ["She told me she wants to be sous chef within two years so I've booked her on the butchery course.", false],
      ["He's keen to move toward a team lead role so he'll start the programme in April.", false],
      ["I'd like you to send me the draft by Friday.", false],
      ['I want to see the rota by Friday.', false],
    ],
  ]);
  featureCases.push([
    'someone undertakes to act (a state or a move to a new place is no act)',
    'undertaking',
    [
      ['Ana will move the stock to bay 3 by Friday.', true],
      ['People came out knowing what they had to do.', false],
      ['He agree to do the KB module on Monday 8th.', true],
      ["Tom will be in the drivers' room to help on Monday.", true],
      ['Priya will run the session on 3 May.', true],
      ['From 1 April, the Nutrition team and the WASH team will become one Community Health team.', false],
      ['Earlies will be 04:30-16:30 and lates 16:00-04:00.', false],
      ['Housing Options will move to the 3rd floor on Monday 14 April.', false],
    ],
  ]);
  featureCases.push([
    'names who acts on an action item',
    'owner',
    [
      ['Next step: everyone sets up MFA on their account by Friday 28 November.', true],
      ['Night nurses complete the audit by Friday.', true],
      ['Everyone loves the new rota.', false],
      ['- AP Kwame - send pics + damage log to me by Fri', true],
      ['ada to post the RFC to discussions by 19 apr', true],
      ['stock to arrive by Fri', false],
      ['Agreed to book 6 per tour.', false],
      ['Decided: Kofi will book the coach.', true],
      ['ACTION: Grace to send the list to Siobhan by 19 April.', true],
      ['ACTION: send the list to the depot by 19 April.', false],
      ['agreed Ana sends the rota to the depot by Fri', true],
      ['Jordan leading this, targeting ready for review 12/16', true],
      ['Leading this is hard work.', false],
      ['need to check the rota by Fri', false],
    ],
  ]);
  featureCases.push([
    'words that only sound like what a change means for the reader',
    'hollow-impact',
    [
      ['Just to let you know there will be some changes to the volunteer rota going forward.', true],
      ['You will hear more from your leadership teams in the coming months.', true],
      ['Until then please carry on as normal and stay positive.', true],
      ['Please bear with us while the new system beds in.', true],
      ['The sector is changing and we must change with it.', true],
      ['Over the coming months you will be hearing more about the new values.', true],
      ['Everyone needs to step up and own it.', true],
      ['In the meantime I would ask each of you to reflect on how you can live our values every day.', true],
      ['Over the coming months you will hear more about what this means for your area.', true],
      ['Some of you will see your roles evolve as we reshape how we work.', true],
      ['I know each and every one of you will rise to the challenge and play your part.', true],
      ['Over the coming months you will hear more about what this means in practice.', true],
      ['This means doing things differently.', true],
      ['That means reimagining what community looks like and doubling down on member experience.', true],
      ['Every one of us needs to step up and own it.', true],
      ['That means best customer experience, best numbers, best people.', true],
      ['The way our readers find news has changed and it will continue to change.', true],
      ['Everyone needs to hand in their old passes by Friday.', false],
      ['Your shift pattern stays the same.', false],
      ['Please carry your pass at all times from Monday.', false],
    ],
  ]);
  featureCases.push([
    'gives a reason',
    'reason',
    [
      ['To put our advisers where carers need them most, the trustees have agreed to change the hours.', true],
      ['The big pool will be closed some weeks for tile repair.', true],
      ['Reason: the new reactive dyes are causing skin irritation.', true],
      ['Dariusz (Shift Mgr): Right lads from now on everyone is on the new rota, no swaps.', false],
      ['Mon/Wed/Fri - Ola and Summer big dogs, Precious small dogs', false],
      ['Boning hall: 9.30 – 9.50 and 12.30 – 13.00', false],
      ['All stores - balance checks to be done twice a day from tomorrow.', false],
      ['Cabin stewards on Decks 5–9: your afternoon turndown start will not change.', false],
      ['On the current rota the first wave clocks on at 05:15, which does not give us enough time for the walkround.', true],
      ['The Safety Advisory Group asked us to bring staff entry into line with the rules for spectators.', true],
      ['We had 2 customers last month say we cracked their back glass and we couldnt prove it.', true],
      ["Case notes need to be up to date on the system, we've had issues.", true],
      ['As you will all be aware the media landscape continues to evolve at pace.', true],
      ['The market is changing fast.', true],
      ['The market is moving fast and we have to move with it.', true],
      ['We are moving the stand-up to half nine - the Sydney team can then join before their evening.', true],
      ['Following feedback from the night team, breaks move to 2am.', true],
      ["We've had 9 breakdowns since August, so the scanners are going.", true],
      ['Reason is handovers.', true],
      ['We hope this setup will allow people to follow what is on the team’s plate.', true],
      ['This will enable us to be more agile, more empowered and more focused.', false],
      ['Late cancellations have cost the group an estimated £38,000 in six months.', true],
      ['Please log your hours before EOD Friday, finance cant invoice clients without it.', true],
      ['The captain uses this to calculate holdover time.', true],
      ['To all staff, the canteen closes at 2.', false],
      ['The rota is on the board.', false],
      ['To be honest, I am not sure.', false],
    ],
  ]);
  featureCases.push([
    'offers help with what needs to change',
    'support',
    [
      // A need or an ask of the person is no offer of help.
      ['I think he need more training on colour management.', false],
      ['Employee to consider attending relevant training as appropriate.', false],
      ['He needs more support, so Ana will pair with him on the Tuesday lates.', true],
      ['The brooch pair and beads from that grave are going to be the centrepiece of the report.', false],
      ['In half term he took two groups together for three days with no incident.', false],
      ['End of course feedback from her groups averaged 4.6 out of 5.', false],
      ["We'll look at the results together on 10 Feb.", true],
      ["I'm happy to pair on a few reviews if it's more about confidence.", true],
      ['Deepa to pair Grace with Fiona on 4 long days in June.', true],
      ['Olumide pairs with him on every leaver calculation in the June run.', true],
      ["The other lads dont want to be paired with him.", false],
      ["Abstract deadline is in November; I'm happy to read a draft.", true],
      ["I'll get Tadhg from Collections to do a one-hour session with you on the templates.", true],
      ["We agreed he'll sit with Amaka on triage every Tuesday to learn how she ranks bugs.", true],
      ["I'm happy to walk him through the engine team's setup.", true],
      ["I'll review the first five plans with her.", true],
      ['Two observations of her phonics group before half term, cover from me.', true],
      ['The weekly burndown she put together was what leadership read every Monday.', false],
      ["Let's go through the first two plans together.", true],
      ['I cover the phones on Fridays.', false],
      ['She reviewed the rota with the drivers.', false],
    ],
  ]);
  featureCases.push([
    'talks about where the team is going',
    'vision',
    [
      ['As we head into the new year I want us to be the first choice for families in the valley.', true],
      ['Going forward we will be a digital-first practice, with patients at the heart of everything we do.', true],
      ["Next year is going to be our year and our best days are ahead of us!", true],
      ['We want to be a little earlier with the rota next month.', false],
      ['The van is heading to the depot at 4.', false],
      ['She hopes to return to contributing in the future.', false],
      ['Getting new members up to speed on the codebase, product vision and issue backlog.', false],
      ['Our vision for 2026 is to be the first-choice lender in the valley.', true],
    ],
  ]);
  featureCases.push([
    'a task under a task label',
    'labelled-task',
    [
      ['Objective for H2: complete the trial bundles for Garvey v Northgate by end of September.', true],
      ['Action: send the new rota to the depot by Friday.', true],
      ['Plan: move him onto the washed-rind cave from April.', true],
      ['Decision: release day moves from Friday to Tuesday.', false],
      ['One idea: do the diary in the cabin before you leave site.', false],
    ],
  ]);
  featureCases.push([
    'tells readers of a change or a new direction, so they will ask what it means for them',
    'changes-things-for-readers',
    [
      ['By 2030 we will be the most trusted builder in the North West.', true],
      ['From 1 May the drop-in moves to Tuesdays.', true],
      ['The photos from the offsite are in the shared drive.', false],
    ],
  ]);
  featureCases.push([
    'an ask with nothing to act on',
    'hollow-ask',
    [
      ['She should work on her tone.', true],
      ['I think he can be better next year if he try harder.', true],
      ['Perhaps he could maybe try to show a bit more engagement going forward?', true],
      ['He needs to sort his attitude out if he wants to stay on nights.', true],
      ['She needs to be a bit more organised with the lates.', true],
      ['Needs to sort himself out in 2025.', true],
      ['For H2 he should keep doing what he is doing.', true],
      ['He must improve the AHT, it is 7:40 and target is 6:00.', true],
      ['She should work on the handover notes with Sam before Friday.', false],
      ['There was the complaint in May about the toilets on floor 6 and it needs to not happen again.', true],
      ['On the numbers she is behind where she needs to be.', true],
      ['The one area to work on is paperwork.', true],
      ['Ji-woo would benefit from being more visible in the huddles.', true],
      ['He needs to keep a lid on it on site.', true],
    ],
  ]);
  featureCases.push([
    'asks someone for something',
    'request',
    [
      ['I have to say Bjørn did a lot on the rebuild.', false],
      ['Now everybody uses the list and we dont need to call her for the numbers.', false],
      ['You have to send it by Friday.', true],
      ['Try to send the report by 7pm on tech nights.', true],
      ['Chikondi, please add anything I missed.', true],
      ["I'll try to keep it to the point but it was a long project.", false],
      ['Niamh should have escalated it sooner.', false],
      ['You should have it signed off by Friday.', true],
      ['We will try to cover the whole 18 months.', false],
      ['That playtest found the tutorial drop-off, a real result and she should be proud of it.', false],
      ['I would like to thank everyone who has been on the team.', false],
      ["I'd like you to send the rota by Friday.", true],
      ['This saves us a lot of milk we dont have to throw away.', false],
      ['I would like to remind everyone to clock in.', true],
    ],
  ]);
  featureCases.push([
    'an order, or what enforces one',
    'command',
    [
      ['From now on jeans, trainers and hoodies are not acceptable.', true],
      ['This is not up for discussion.', true],
      ['This is the last time Im saying it.', true],
      ['And can people PLEASE stop being late for loading its getting ridiculous.', true],
      ['Anyone not following this will be sent home.', true],
      ['Anyone found with a messy van will lose their van.', true],
      ['STAFF ARE NOT TO USE THE LIFT BEFORE 9.', true],
      ['Also no phones in the loading bay.', true],
      ['No swaps unless you ask me first.', true],
      ['Everyone on lates now does 2 weekends a month, no exceptions.', true],
      ['No more remote days for the night crew in stocktake week.', true],
      ['From tomorrow nobody take staff meal before 3pm.', true],
      ['Store managers make sure your teams log every call.', true],
      ['Night nurses, check the fridge log every shift.', true],
      ['Both teams share the same on-call rota.', false],
      ['I know nobody likes the new forms.', false],
      ['No more being second choice behind the big studios.', false],
      ['everyone check your shifts.', true],
      ['Everyone checks the rota on a Monday.', false],
      ['This needs to stop now.', true],
      ['this isnt up for discussion.', true],
      ['No swaps will be accepted.', true],
      ['Anyone without a hairnet will be send home without pay.', true],
      ['The aim is not to blame anyone.', false],
      ['Jeans were acceptable at the summer party.', false],
    ],
  ]);
  featureCases.push([
    'says when a change takes effect',
    'takes-effect-when',
    [
      ['Effective immediately no mobile phones on the shop floor.', true],
      ['The new rota applies with immediate effect.', true],
      ['From the next rota cycle we are moving to 10 hour shifts.', true],
      ['@channel new laptop / BYOD policy is live, its on confluence.', true],
      ['We expect the new structure to be in place sometime in Q1.', false],
      ['The new structure will be in place by the end of Q1.', true],
      ['For now, Cargo will be having a freeze on any new features.', true],
      ['From now on all trays in the walk-in must be labelled.', true],
      ['We will look at it again at some point.', false],
    ],
  ]);
  featureCases.push([
    'an ask put to someone',
    'asks-someone',
    [
      ['ALL crew must collect new photo ID badges from the gatehouse by 30 April.', true],
      ["I'd like her to lead the learning update at the team meeting from January.", true],
      ['From Mon 4 Nov please log every late checkout in the PMS notes.', true],
      ['Temp desk - lots of cancellations again this month, need to get on top of this', false],
      ['Part ordered, should be here Monday.', false],
    ],
  ]);
  featureCases.push([
    'a check-in and nothing else',
    'checkin-only',
    [
      ['Revisit in our 1:1 on 2 Feb.', true],
      ['Review at the site office Friday 14th, 8am.', true],
      ['Catch up on Friday 3pm.', true],
      ['Review the budget with finance by Friday.', false],
    ],
  ]);
  for (const [title, feature, cases] of featureCases) {
    describe(title, () => {
      for (const [text, expected] of cases) {
        it(`${text} → ${expected}`, () => assert.equal(hasFeature(parseDocument(text).sentences[0], feature), expected));
      }
    });
  }
  describe('recognition posts: thanks and welcomes need no next steps', () => {
    const kindOf = (text: string) => documentKind(parseDocument(text), 'announcement');
    const cases: Array<[string, 'recognition' | null]> = [
      // "Proud" of a history is no thanks: a vision note that opens so is no recognition post.
      ['As we stand at the threshold of the most transformational chapter in the long and proud history of Harwood, I wanted to share where we are going. It has been decided that Harwood will move to a new operating model. More details will follow.', null],
      ['Wow what a weekend!!! you guys are all absolute legends, worked your socks off non stop. couldnt do it without you.', 'recognition'],
      ['Shout out to Li Wei and Grace who stayed till midnight on Sunday to finish the stocktake. It meant the store could open on time with the new planogram. Thank you both!', 'recognition'],
      ['Please join me in welcoming Amara to the team! She will be joining us in Accounts Payable. Make sure to say hi!', 'recognition'],
      ['Mei Lin starts today as Junior Designer on the residential team. She joins us from a fit-out firm in Singapore. Lunch is on the studio on Thursday.', 'recognition'],
      ['Notice board - Harbour office\n\nAfter 19 years with us, Sigrún Jónsdóttir finishes on Friday. She trained every skipper on the new log herself. Cake and coffee in the net shed Friday at 14:00.', 'recognition'],
      ['The new rota starts Monday as planned. Late shifts finish at 10pm instead of 11pm.', null],
      ['Hi everyone, as many of you know Semi is leaving us on Friday after 11 years. She always goes above and beyond and we will all miss her so much. There will be cake in the staff room on Fri.', 'recognition'],
      ['Please join us in welcoming Litia to the primates section! She starts on the gibbon and lemur rota this Monday and will be shadowing Anders for her first fortnight.', 'recognition'],
      ['Farewell to Joaquín\n\nAfter nine vintages with us, Joaquín Morales is leaving the cellar at the end of this month to go home to Mendoza.\n\nIn 2019 he rebuilt the barrel tracking sheet.\n\nDrinks for Joaquín on Friday 28th from 5pm in the tasting room.', 'recognition'],
      ['Please welcome Chinonso Eze who joins the lab today as Germination Analyst! Chinonso comes to us after 4 years at the seed testing station, which is exactly what we need for the new hybrid trials.', 'recognition'],
      ['Some good news to share 🎉\n\nI am delighted to announce that Esperanza Quispe has been promoted to Network Operations Lead, starting 1 May.\n\nEsperanza joined us as a field technician. She wrote the new fix guide that the field team now uses.\n\nIn her new role Esperanza will look after the network ops team. Ayo will pick up the dashboard from her.\n\nIf you had something open with Esperanza, she will hand it over to Ayo by the end of April.\n\nPlease join me in congratulating her!', 'recognition'],
      ['Thank you all for your feedback on the rota. From 1 May the new rota replaces the old one, and weekend shifts are shared evenly.', null],
      ['Hi all,\n\nPlease give a big welcome to Tomasz, who joins the night desk on Monday. For his first three weeks he will be shadowing Ines, then moving onto the normal rota.\n\nWelcome Tomasz!', 'recognition'],
      ['After 19 years in the bakehouse, Ewa retire on Friday. She trained most of the early shift. Many of you will remember she always came in early to light the ovens for the new starters. We say goodbye in the canteen at 3pm.', 'recognition'],
      ["Friday is Dmitri Volkov's last shift. He has driven the night route since 2004. Cake in the mess room at 2.", 'recognition'],
      ['Hi everyone,\n\nAs most of you know the trustees signed off the new plan last week. From March the drop-in moves to Tuesdays.', null],
      ['Thanks for the feedback, Nuno. From Monday your rota changes and he moves to the early shift with the rest of you.', null],
      ['Message from the Harbour Master\n\nI am delighted to announce that Captain Siobhan Gallagher has been appointed Deputy Harbour Master. She joined us nine years ago and has run Marine Operations for three. Lars will act up as Marine Operations Manager while we recruit. Please join me in congratulating Siobhan.', 'recognition'],
      ['Staff notice\n\nThe car park closes for resurfacing from Monday. Park at the leisure centre until it reopens.', null],
      ['Felix Klock is stepping down from his role as senior lead and David Wood is joining Wesley Wiser as the new junior lead. Felix remains a valued member of the team. David has contributed since 2017 and led the diagnostics work.', 'recognition'],
      ["# Leadership change in the Infrastructure Team\n\nAfter four years leading the team, I am stepping down as lead. The whole team met this week to talk about what comes next. We chose two new leads, Jake and Jan, and we will document how we rotate the role.", 'recognition'],
      ["St Bride's is joining the North Coast Health Partnership from April. The partnership will share specialist services across four sites.", null],
      ['# Announcing three new members of the compiler team\n\nKobzol is a prolific member of the infrastructure team. ZuseZ4 is the maintainer of the Enzyme backend and our new autodiff support. Thanks to all of our new members for their contributions!', 'recognition'],
      ['# Please welcome Justin as co-lead!\n\nJustin will be joining me as co-lead. Justin will be replacing Ashley, who has been very busy lately. Justin has been on the team since 2017.', 'recognition'],
      ['Team, the company has bought a new telephony platform and it goes live on 3 March. It replaces our 12-year-old system.', null],
    ];
    for (const [text, expected] of cases) it(`${text.slice(0, 60)}… → ${expected}`, () => assert.equal(kindOf(text), expected));
  });
});
