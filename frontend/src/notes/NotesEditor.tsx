import type { HocuspocusProvider } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { GlyphLabel } from '../app/GlyphLabel';
import { useI18n } from '../i18n/i18n';

interface Props {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  user: { name: string; color: string };
  editable: boolean;
}

/**
 * The room's shared document: Tiptap on the XmlFragment "default" of the `notes` document, with carets of the
 * others. Tiptap's own undo is off (Collaboration brings a Yjs undo that only undoes this user's edits).
 */
export function NotesEditor({ doc, provider, user, editable }: Props) {
  const { t } = useI18n();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ undoRedo: false, link: { openOnClick: false, autolink: true } }),
      TableKit.configure({ table: { resizable: false } }),
      Collaboration.configure({ document: doc, field: 'default' }),
      CollaborationCaret.configure({ provider, user }),
    ],
    editable,
    editorProps: { attributes: textboxAttributes(t('notes.heading'), editable) },
  }, [doc, provider]);

  useEffect(() => {
    editor?.setEditable(editable);
    // Role and read-only state follow: an aria-label on a div without a role is what axe calls aria-prohibited-attr.
    editor?.setOptions({ editorProps: { attributes: textboxAttributes(t('notes.heading'), editable) } });
  }, [editor, editable, t]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => e ? {
      h1: e.isActive('heading', { level: 1 }), h2: e.isActive('heading', { level: 2 }), bold: e.isActive('bold'),
      italic: e.isActive('italic'), bullets: e.isActive('bulletList'), numbers: e.isActive('orderedList'),
      link: e.isActive('link'), table: e.isActive('table'),
    } : null,
  });

  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const b = (label: string, active: boolean | undefined, run: () => void, text: string) => (
    <button type="button" aria-pressed={!!active} className={active ? 'active' : ''} title={label}
      disabled={!editable} onMouseDown={(e) => e.preventDefault()} onClick={run}>
      <GlyphLabel glyph={text} label={label} />
    </button>
  );
  return (
    <section className="notes" aria-label={t('notes.heading')}>
      <div className="toolbar" role="toolbar" aria-label={t('notes.heading')}>
        {b(t('notes.h1'), state?.h1, () => chain().toggleHeading({ level: 1 }).run(), 'H1')}
        {b(t('notes.h2'), state?.h2, () => chain().toggleHeading({ level: 2 }).run(), 'H2')}
        {b(t('notes.bold'), state?.bold, () => chain().toggleBold().run(), 'B')}
        {b(t('notes.italic'), state?.italic, () => chain().toggleItalic().run(), 'I')}
        {b(t('notes.bullets'), state?.bullets, () => chain().toggleBulletList().run(), '•')}
        {b(t('notes.numbers'), state?.numbers, () => chain().toggleOrderedList().run(), '1.')}
        {b(t('notes.link'), state?.link, () => {
          const href = window.prompt(t('notes.linkPrompt'), editor.getAttributes('link').href ?? 'https://');
          if (href === null) return;
          if (href === '') chain().unsetLink().run();
          else chain().extendMarkRange('link').setLink({ href }).run();
        }, 'Link')}
        {b(t('notes.table'), state?.table, () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), '▦')}
        {state?.table && b(t('notes.addRow'), false, () => chain().addRowAfter().run(), '+≡')}
        {state?.table && b(t('notes.addColumn'), false, () => chain().addColumnAfter().run(), '+‖')}
      </div>
      <EditorContent editor={editor} className="notes-editor" />
    </section>
  );
}

/** The editable element is a multi-line text box, named, and read-only for those who may not write. */
function textboxAttributes(label: string, editable: boolean): Record<string, string> {
  return { role: 'textbox', 'aria-multiline': 'true', 'aria-readonly': String(!editable), 'aria-label': label, class: 'notes-content' };
}
