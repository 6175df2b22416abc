import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { courseOfRoom, type CourseOfRoom } from './learningApi';
import { editionUrl } from './learningRoute';

/**
 * In a course session's room, the way back to its course (docs/learning.md, "Live sessions"): the learning server
 * says which edition the room is a live session of; a room that is none, or whose course the reader may not see,
 * shows nothing, and the room works as every room does.
 */
export function CourseLink({ roomId, navigate }: { roomId: string; navigate: (path: string) => void }) {
  const { t } = useI18n();
  const [course, setCourse] = useState<CourseOfRoom | null>(null);
  useEffect(() => {
    let current = true;
    courseOfRoom(roomId).then((c) => { if (current) setCourse(c); }, () => { if (current) setCourse(null); });
    return () => { current = false; };
  }, [roomId]);
  if (!course) return null;
  const href = editionUrl(course.editionId);
  return (
    <a className="course-link" href={href} data-edition={course.editionId} onClick={(e) => { e.preventDefault(); navigate(href); }}>
      {t('learning.courseOfRoom', { item: course.itemTitle, programme: course.programmeTitle, edition: course.editionTitle })}
    </a>
  );
}
