import { callApi } from '../app/api';

/**
 * The learning server behind the gateway (docs/learning.md, "API"): programmes and their modules, editions and
 * enrolment, results, transcripts and credentials. All of it needs the sign-in except verifying a credential.
 * Errors come as HttpError with the server's message and fix (app/api.ts).
 */

export interface Outcomes { knowledge: string[]; skills: string[]; responsibilityAndAutonomy: string[] }

export interface ProgrammeModule {
  id: string;
  title: string;
  description: string;
  eqfLevel: number;
  outcomes: Outcomes;
  workloadHours: number;
  ectsCredits: number;
  ecvetPoints: number;
  assessment: string[];
  prerequisites: string[];
  languages: string[];
  /** The room template its live sessions start from (lobby/templates.ts); null for a blank room. */
  template: string | null;
}

export interface Person { id: string; name: string }

export interface Programme {
  id: string;
  title: string;
  summary: string;
  languages: string[];
  hoursPerCredit: number;
  organisation: string | null;
  coordinators: Person[];
  status: 'DRAFT' | 'PUBLISHED';
  modules: ProgrammeModule[];
  demo: boolean;
  createdAt: string;
}

/** The body of POST /api/learning/programmes/{id}/modules: credits left out are computed from the workload. */
export interface ModuleInput {
  title: string;
  description: string;
  eqfLevel: number;
  outcomes: Outcomes;
  workloadHours: number;
  ectsCredits?: number;
  assessment: string[];
  prerequisites: string[];
  languages: string[];
  template?: string;
}

export type EnrolmentPolicy = 'OPEN' | 'APPROVAL' | 'INVITATION';
export type EnrolmentStatus = 'ENROLLED' | 'WAITING' | 'REQUESTED' | 'WITHDRAWN';
export type CalendarKind = 'LIVE' | 'IN_PERSON' | 'SELF_STUDY' | 'ASSIGNMENT';

export interface CalendarItem {
  id: string;
  moduleId: string;
  kind: CalendarKind;
  title: string;
  starts: string | null;
  ends: string | null;
  roomId: string | null;
  place: string | null;
  link: string | null;
}

export interface Edition {
  id: string;
  programmeId: string;
  title: string;
  starts: string;
  ends: string;
  enrolment: EnrolmentPolicy;
  capacity: number;
  facilitators: Person[];
  calendar: CalendarItem[];
  invited: string[];
}

export interface Enrolment {
  editionId: string; learnerId: string; username: string; name: string; status: EnrolmentStatus; at: string;
  /** Whether the learner agreed that live sessions' attendance is read from the rooms' history (null: not said, as no). */
  attendanceConsent: boolean | null;
}

export interface AttendanceRecord {
  editionId: string; itemId: string; learnerId: string; name: string; minutes: number; source: 'ROOM_HISTORY' | 'CHECK_IN'; at: string;
}

/** What taking a live session's attendance did: the records written and who was left out for want of consent. */
export interface AttendanceTaken { records: AttendanceRecord[]; withoutConsent: string[] }

export interface EditionView { edition: Edition; programmeTitle: string; seatsTaken: number; mine: Enrolment | null; facilitating: boolean }

export interface ModuleRecord {
  moduleId: string; title: string; eqfLevel: number; passed: boolean; grade: string; ectsCredits: number; ecvetPoints: number;
  kind: 'FORMAL' | 'RECOGNISED'; at: string;
}

export interface ProgrammeRecord {
  programmeId: string; title: string; organisation: string | null; modules: ModuleRecord[]; ectsEarned: number; ecvetEarned: number;
  ectsAvailable: number; ectsRecognised: number; complete: boolean;
}

export type EvidenceKind = 'COMMUNITY_WORKSHOP' | 'PEER_COUNSELLING' | 'PUBLISHED_PRACTICE' | 'WORK_BASED' | 'OTHER';
export type EvidenceStatus = 'IDENTIFIED' | 'DOCUMENTED' | 'MORE_ASKED' | 'VALIDATED' | 'CERTIFIED';

/** Informal learning put forward against a module, and its validation step by step (docs/learning.md). */
export interface Evidence {
  id: string; editionId: string; programmeId: string; moduleId: string; learnerId: string; learnerName: string; kind: EvidenceKind;
  title: string; outcomes: string[]; hours: number; description: string; link: string | null; status: EvidenceStatus;
  steps: { to: EvidenceStatus; by: Person; note: string; at: string }[];
}

export interface Transcript { learner: string; programmes: ProgrammeRecord[] }

export interface IssuedCredential {
  id: string; learnerId: string; issuer: string; programmeId: string; statusIndex: number; jws: string; issuedAt: string;
  revokedAt: string | null; revokedReason: string | null;
}

export interface VerificationCheck { name: 'format' | 'issuer' | 'signature' | 'validity' | 'status'; passed: boolean; detail: string }

export interface Verification {
  verified: boolean;
  checks: VerificationCheck[];
  issuerName: string | null;
  credential: { name?: string; validFrom?: string; credentialSubject?: { creditsEarned?: number; identifier?: { identityType: string; identityHash: string }[] } } | null;
}

const P = '/api/learning';
const id = (s: string) => encodeURIComponent(s);

export const listProgrammes = () => callApi<Programme[]>('GET', `${P}/programmes`);
export const getProgramme = (programmeId: string) => callApi<Programme>('GET', `${P}/programmes/${id(programmeId)}`);
export const createProgramme = (body: { title: string; summary: string; languages: string[]; hoursPerCredit: number }) =>
  callApi<Programme>('POST', `${P}/programmes`, body);
export const addModule = (programmeId: string, body: ModuleInput) => callApi<Programme>('POST', `${P}/programmes/${id(programmeId)}/modules`, body);
export const publishProgramme = (programmeId: string) => callApi<Programme>('POST', `${P}/programmes/${id(programmeId)}/publish`);

export const programmeEditions = (programmeId: string) => callApi<EditionView[]>('GET', `${P}/programmes/${id(programmeId)}/editions`);
export const openEdition = (programmeId: string, body: { title: string; starts: string; ends: string; enrolment: EnrolmentPolicy; capacity: number }) =>
  callApi<Edition>('POST', `${P}/programmes/${id(programmeId)}/editions`, body);
export const getEdition = (editionId: string) => callApi<EditionView>('GET', `${P}/editions/${id(editionId)}`);
/** A live session without a room id gets a room made for it from its module's template (docs/learning.md, "Live sessions"). */
export const addToCalendar = (editionId: string, body: Omit<CalendarItem, 'id'>) => callApi<Edition>('POST', `${P}/editions/${id(editionId)}/calendar`, body);
/** Puts the learners enrolled since a live session was scheduled on its room's list; answers how many were added. */
export const letIntoRoom = (editionId: string, itemId: string) =>
  callApi<{ added: number }>('POST', `${P}/editions/${id(editionId)}/calendar/${id(itemId)}/room-access`);

/** The course a room is a live session of; 404 (HttpError) when it is none the reader can see. */
export interface CourseOfRoom {
  editionId: string; editionTitle: string; programmeTitle: string; itemId: string; itemTitle: string; starts: string; ends: string;
}
export const courseOfRoom = (roomId: string) => callApi<CourseOfRoom>('GET', `${P}/rooms/${id(roomId)}/course`);
export const enrol = (editionId: string) => callApi<Enrolment>('POST', `${P}/editions/${id(editionId)}/enrolment`);
export const withdraw = (editionId: string) => callApi<Enrolment>('POST', `${P}/editions/${id(editionId)}/enrolment/withdrawal`);
export const roster = (editionId: string) => callApi<Enrolment[]>('GET', `${P}/editions/${id(editionId)}/enrolments`);
export const approve = (editionId: string, learnerId: string) =>
  callApi<Enrolment>('POST', `${P}/editions/${id(editionId)}/enrolments/${id(learnerId)}/approval`);
export const invite = (editionId: string, username: string) => callApi<Edition>('POST', `${P}/editions/${id(editionId)}/invitations`, { username });
export const recordResult = (editionId: string, learnerId: string, moduleId: string, passed: boolean, grade: string) =>
  callApi<unknown>('PUT', `${P}/editions/${id(editionId)}/results/${id(learnerId)}/${id(moduleId)}`, { passed, grade });
export const issueCredential = (editionId: string, learnerId: string, achievement: string) =>
  callApi<IssuedCredential>('POST', `${P}/editions/${id(editionId)}/credentials/${id(learnerId)}`, { achievement });

export const setConsent = (editionId: string, attendance: boolean) =>
  callApi<Enrolment>('PUT', `${P}/editions/${id(editionId)}/enrolment/consent`, { attendance });
export const takeAttendance = (editionId: string, itemId: string) =>
  callApi<AttendanceTaken>('POST', `${P}/editions/${id(editionId)}/calendar/${id(itemId)}/attendance`);
export const checkIn = (editionId: string, itemId: string, learnerId: string, present: boolean) =>
  callApi<AttendanceRecord>('PUT', `${P}/editions/${id(editionId)}/calendar/${id(itemId)}/attendance/${id(learnerId)}`, { present });
export const attendanceOf = (editionId: string) => callApi<AttendanceRecord[]>('GET', `${P}/editions/${id(editionId)}/attendance`);

const evidencePath = (editionId: string) => `${P}/editions/${id(editionId)}/evidence`;
export const evidenceOf = (editionId: string) => callApi<Evidence[]>('GET', evidencePath(editionId));
export const identifyEvidence = (editionId: string, body: { moduleId: string; kind: EvidenceKind; title: string; outcomes: string[]; hours: number }) =>
  callApi<Evidence>('POST', evidencePath(editionId), body);
export const documentEvidence = (editionId: string, evidenceId: string, description: string, link: string) =>
  callApi<Evidence>('PUT', `${evidencePath(editionId)}/${id(evidenceId)}/documentation`, { description, link });
export const assessEvidence = (editionId: string, evidenceId: string, validated: boolean, note: string) =>
  callApi<Evidence>('POST', `${evidencePath(editionId)}/${id(evidenceId)}/assessment`, { validated, note });
export const certifyEvidence = (editionId: string, evidenceId: string) =>
  callApi<Evidence>('POST', `${evidencePath(editionId)}/${id(evidenceId)}/certification`);

/** The facilitator's view of an edition (docs/learning.md, "The facilitator's view"). */
export interface Progress {
  learners: { learnerId: string; name: string; username: string; attendanceMinutes: number; modules: Record<string, string>; ectsEarned: number;
    evidenceWaiting: number; reviewsOutstanding: number }[];
  outcomes: { moduleId: string; descriptor: string; outcome: string; attained: number; of: number }[];
  reviews: { roundId: string; title: string; phase: ReviewPhase; submissions: number; assessed: number; outstanding: number; graded: number }[];
}
export const progressOf = (editionId: string) => callApi<Progress>('GET', `${P}/editions/${id(editionId)}/progress`);
export const progressCsvUrl = (editionId: string) => `${P}/editions/${id(editionId)}/progress.csv`;

export type ReviewPhase = 'SUBMISSION' | 'ASSESSMENT' | 'GRADING' | 'CLOSED';
export type SubmissionKind = 'BOARD' | 'DOCUMENT' | 'PRACTICE';
export interface Criterion { id: string; text: string; maxPoints: number }
export interface ReviewRound {
  id: string; editionId: string; itemId: string; title: string; rubric: Criterion[]; reviewersPerSubmission: number; phase: ReviewPhase;
}
export interface ReviewSubmission { roundId: string; learnerId: string; name: string; kind: SubmissionKind; ref: string; note: string; at: string }
export interface PeerAssessment { reviewerId: string; authorId: string; scores: Record<string, number>; comment: string }
export interface ReviewGrade { authorId: string; name: string; points: number; maxPoints: number; reviews: number; grade: string }
/** A round as the caller sees it: a learner's own part, or everything for facilitators (`all`). */
export interface RoundView {
  round: ReviewRound; submissions: number; mine: ReviewSubmission | null;
  toReview: { authorId: string; kind: SubmissionKind; ref: string; note: string; mine: PeerAssessment | null }[];
  received: { scores: Record<string, number>; total: number; comment: string }[];
  myGrade: ReviewGrade | null;
  all: { submissions: ReviewSubmission[]; assessments: PeerAssessment[]; grades: ReviewGrade[] } | null;
}
const reviewsPath = (editionId: string) => `${P}/editions/${id(editionId)}/reviews`;
export const reviewsOf = (editionId: string) => callApi<RoundView[]>('GET', reviewsPath(editionId));
export const openReview = (editionId: string, body: { itemId: string; title: string; rubric: { text: string; maxPoints: number }[];
  reviewersPerSubmission: number }) => callApi<ReviewRound>('POST', reviewsPath(editionId), body);
export const submitForReview = (editionId: string, roundId: string, body: { kind: SubmissionKind; ref: string; note: string }) =>
  callApi<ReviewSubmission>('PUT', `${reviewsPath(editionId)}/${id(roundId)}/submission`, body);
export const moveReview = (editionId: string, roundId: string, phase: ReviewPhase) =>
  callApi<ReviewRound>('POST', `${reviewsPath(editionId)}/${id(roundId)}/phase`, { phase });
export const assessPeer = (editionId: string, roundId: string, authorId: string, scores: Record<string, number>, comment: string) =>
  callApi<PeerAssessment>('PUT', `${reviewsPath(editionId)}/${id(roundId)}/assessments/${id(authorId)}`, { scores, comment });
export const gradePeer = (editionId: string, roundId: string, authorId: string, grade: string) =>
  callApi<ReviewGrade>('PUT', `${reviewsPath(editionId)}/${id(roundId)}/grades/${id(authorId)}`, { grade });

export const myEditions = () => callApi<EditionView[]>('GET', `${P}/me/editions`);
export const myTranscript = () => callApi<Transcript>('GET', `${P}/me/transcript`);
export const myCredentials = () => callApi<IssuedCredential[]>('GET', `${P}/me/credentials`);

/** Anyone, signed in or not: what the issuer's keys and status list say about a credential. */
export const verifyCredential = (credential: string) => callApi<Verification>('POST', '/api/public/learning/verify', { credential });

/** Credits as people write them: 3, 1.5. */
export const credits = (n: number, language: string) => n.toLocaleString(language, { maximumFractionDigits: 1 });
