/** The cookie that lets an anonymous respondent answer a survey once per device (see the privacy note). */
export const DEVICE_COOKIE = "parley_device";
