// The start's window of sections is a rule of the contract's (the core answers it too).
export { START_WINDOW, startWindow } from '../../../electron/common/rules/start-window';
