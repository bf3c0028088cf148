import { useI18n } from '../i18n';

/**
 * An operation's error, worded when it is drawn rather than when it happened: switching the
 * language rewords the messages already on screen. Screens keep the error itself, not its text.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { te } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <div className="alert alert-error" role="alert">
      {te(error)}
    </div>
  );
}
