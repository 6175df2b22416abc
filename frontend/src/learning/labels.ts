import type { MessageKey } from '../i18n/i18n';
import type { CalendarKind, EnrolmentPolicy, EnrolmentStatus, EvidenceKind, EvidenceStatus, ReviewPhase, SubmissionKind } from './learningApi';

/** The words for the learning server's enums, one place for every page. */
export const STATUS: Record<EnrolmentStatus, MessageKey> = {
  ENROLLED: 'learning.status.ENROLLED',
  WAITING: 'learning.status.WAITING',
  REQUESTED: 'learning.status.REQUESTED',
  WITHDRAWN: 'learning.status.WITHDRAWN',
};

export const POLICY: Record<EnrolmentPolicy, MessageKey> = {
  OPEN: 'learning.policy.OPEN',
  APPROVAL: 'learning.policy.APPROVAL',
  INVITATION: 'learning.policy.INVITATION',
};

export const KIND: Record<CalendarKind, MessageKey> = {
  LIVE: 'learning.kind.LIVE',
  IN_PERSON: 'learning.kind.IN_PERSON',
  SELF_STUDY: 'learning.kind.SELF_STUDY',
  ASSIGNMENT: 'learning.kind.ASSIGNMENT',
};

export const EVIDENCE_KIND: Record<EvidenceKind, MessageKey> = {
  COMMUNITY_WORKSHOP: 'evidence.kind.COMMUNITY_WORKSHOP',
  PEER_COUNSELLING: 'evidence.kind.PEER_COUNSELLING',
  PUBLISHED_PRACTICE: 'evidence.kind.PUBLISHED_PRACTICE',
  WORK_BASED: 'evidence.kind.WORK_BASED',
  OTHER: 'evidence.kind.OTHER',
};

export const EVIDENCE_STATUS: Record<EvidenceStatus, MessageKey> = {
  IDENTIFIED: 'evidence.status.IDENTIFIED',
  DOCUMENTED: 'evidence.status.DOCUMENTED',
  MORE_ASKED: 'evidence.status.MORE_ASKED',
  VALIDATED: 'evidence.status.VALIDATED',
  CERTIFIED: 'evidence.status.CERTIFIED',
};

export const PHASE: Record<ReviewPhase, MessageKey> = {
  SUBMISSION: 'review.phase.SUBMISSION',
  ASSESSMENT: 'review.phase.ASSESSMENT',
  GRADING: 'review.phase.GRADING',
  CLOSED: 'review.phase.CLOSED',
};

export const SUBMISSION_KIND: Record<SubmissionKind, MessageKey> = {
  BOARD: 'review.kind.BOARD',
  DOCUMENT: 'review.kind.DOCUMENT',
  PRACTICE: 'review.kind.PRACTICE',
};
