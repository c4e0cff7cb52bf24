interface Props {
  id: string;
  message: string | undefined;
}

/** A field's error line; the input names it in aria-describedby. */
export default function FieldError({ id, message }: Props) {
  if (!message) return null;
  return (
    <p id={id} class="form-error">
      <span class="visually-hidden">错误：</span>
      {message}
    </p>
  );
}
