/** The primary button's look, shared by every form's submit button. */
export const buttonClass =
  "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-800";

/** The outlined red look of a button that removes or ends something. */
export const dangerButtonClass =
  "rounded-md border border-red-800 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800";
