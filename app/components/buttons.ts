/** The primary button's look, shared by every form's submit button. */
export const buttonClass =
  "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";
