/** Longest support period of a batch (财建〔2021〕2号: each batch supported for at most 3 years). */
export const MAX_SUPPORT_YEARS = 3;
