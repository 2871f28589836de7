// Generated from the REST OpenAPI document (/rest/openapi.json) by packages/sdk/scripts/build.mjs.
// Do not edit: change the api and build again.

export interface paths {
    "/rest/payment/sale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sale: authorize and capture
         * @description Card (keyed, swiped, chip, contactless), card on file, or eCheck. SaveOnFile also stores the card. A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["sale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Authorization: hold funds
         * @description Cards only; capture within 7 days. A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["authorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Capture a prior authorization, once, for at most its amount
         * @description A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["capture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Void an unsettled authorization or sale
         * @description A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["void"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/refund-simple": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a captured transaction by its ID, up to what remains, within a year
         * @description A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["refundSimple"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unreferenced refund to a card (merchant setting, off by default)
         * @description A decline is a 200 answer with TransactionStatus D and a non-approval ResponseCode.
         */
        post: operations["refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/transaction/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One transaction with its secondary transactions and webhook workflow status */
        get: operations["getTransaction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transactions, newest first, with cursor pagination */
        get: operations["listTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Save a card on file, or create an installment or recurring payment plan
         * @description PaymentPlanType SaveOnFile stores the card after a $0 verification and answers its transaction (status O, with PaymentMethodID). Installment and Recurring schedule charges and answer the plan; a declined down payment answers 200 with its ResponseCode and Transactions, and no plan.
         */
        post: operations["createPaymentPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One payment plan with its schedule: past charges and the dates to come */
        get: operations["getPaymentPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment plans, newest first, with cursor pagination */
        get: operations["listPaymentPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a plan: installment amount, frequency, day of month, dates or payment method
         * @description Absent fields stay as they are. An installment plan re-derives its count from the new amount.
         */
        post: operations["updatePaymentPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause a plan: its dates are skipped until resumed */
        post: operations["pausePaymentPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused plan from the next date after today */
        post: operations["resumePaymentPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/payment/paymentplan/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a plan (final) */
        post: operations["cancelPaymentPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/sso/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a single sign-on token for a hosted payment page
         * @description The token is valid 15 minutes and for one payment. Send the payer to PageURL; learn the outcome from the webhook, the confirm URL, or by polling the token status.
         */
        post: operations["createSsoToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/sso/token/{token}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Poll a single sign-on token: NEW, COMPLETE or EXPIRED */
        get: operations["getSsoTokenStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/terminals/pair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pair a terminal with its one-time code (called by the device, no Api-Key)
         * @description Answers the device its TerminalDeviceID and DeviceSecret (shown once) for the WebSocket at ConnectURL. A wrong, used or expired code is a 401; attempts are rate-limited per address.
         */
        post: operations["pairTerminal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/terminals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The terminals this credential may take payments on */
        get: operations["listTerminals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/terminals/{id}/process-payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a terminal to take a payment
         * @description Answers 202 with the action (Pending); poll GET …/action or wait for the transaction webhook. One action at a time: 409 names the open ActionID; an offline terminal is a 409 too.
         */
        post: operations["processTerminalPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/terminals/{id}/action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The terminal’s open action, else its latest */
        get: operations["getTerminalAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/rest/terminals/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the terminal’s open action
         * @description Only before a card reached the server: once it is processing, or finished, a 409.
         */
        post: operations["cancelTerminalAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    transactionEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A transaction changed: Approved, Declined, Voided, Refunded, Returned, Chargeback, Settlement, Error
         * @description Delivered at least once: drop duplicates by `webhook-id`. Verify the signature over the exact body bytes before parsing (the public `standardwebhooks` libraries verify it unchanged), for example:
         *
         *     ```js
         *     import { createHmac, timingSafeEqual } from 'node:crypto';
         *
         *     // secret: the endpoint’s signing secret, "whsec_…"; body: the exact bytes received, as a string.
         *     export function verifyWebhook(secret, headers, body) {
         *       const id = headers['webhook-id'], timestamp = headers['webhook-timestamp'];
         *       if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false; // replay window
         *       const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
         *       const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
         *       return headers['webhook-signature'].split(' ').some((sig) => {
         *         const given = Buffer.from(sig.replace(/^v1,/, ''), 'base64');
         *         return given.length === expected.length && timingSafeEqual(given, expected);
         *       });
         *     }
         *     ```
         *
         *     An endpoint may also require HTTP Basic or an OAuth2 bearer token (`Authorization`) and a client certificate.
         */
        post: operations["receiveTransactionEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    paymentPlanEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A payment plan changed: PaymentPlanCreated, PaymentPlanUpdated
         * @description Delivered at least once: drop duplicates by `webhook-id`. Verify the signature over the exact body bytes before parsing (the public `standardwebhooks` libraries verify it unchanged), for example:
         *
         *     ```js
         *     import { createHmac, timingSafeEqual } from 'node:crypto';
         *
         *     // secret: the endpoint’s signing secret, "whsec_…"; body: the exact bytes received, as a string.
         *     export function verifyWebhook(secret, headers, body) {
         *       const id = headers['webhook-id'], timestamp = headers['webhook-timestamp'];
         *       if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false; // replay window
         *       const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
         *       const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
         *       return headers['webhook-signature'].split(' ').some((sig) => {
         *         const given = Buffer.from(sig.replace(/^v1,/, ''), 'base64');
         *         return given.length === expected.length && timingSafeEqual(given, expected);
         *       });
         *     }
         *     ```
         *
         *     An endpoint may also require HTTP Basic or an OAuth2 bearer token (`Authorization`) and a client certificate.
         */
        post: operations["receivePaymentPlanEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description A sale, authorization or card refund: an amount and a card, a stored method or a bank account */
        PaymentRequest: {
            /** @description The merchant, store and terminal the request is for */
            Outlet: components["schemas"]["OutletRef"];
            /**
             * @description Dollars as a decimal string with at most 2 places
             * @example 25.00
             */
            Amount: string;
            /**
             * @description Defaults to CreditCard; eCheck when PaymentMethod is ECheck
             * @example CreditCard
             * @enum {string}
             */
            TransactionType?: "CreditCard" | "DebitCard" | "eCheck";
            /**
             * @description Defaults to OnFile with PaymentMethodID, ECheck with an ECheck object, else Card
             * @example Card
             * @enum {string}
             */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /**
             * @description A stored card or account (PaymentMethod OnFile)
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["ECheckInput"];
            Patient?: components["schemas"]["PatientInput"];
            /**
             * @description Accept an approval for less than requested (response code 010)
             * @example false
             */
            AllowPartialPayment?: boolean;
            /**
             * @description Also store the card; answers PaymentMethodID
             * @example false
             */
            SaveOnFile?: boolean;
            /**
             * @description Free text kept with the transaction and returned as sent
             * @example INV-2231
             */
            AdditionalInfo1?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo2?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo3?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo4?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo5?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo6?: string;
        };
        /** @description Store a card after a $0 verification; answers a transaction with status O and its PaymentMethodID */
        SaveOnFileRequest: {
            /** @description The merchant, store and terminal the request is for */
            Outlet: components["schemas"]["OutletRef"];
            /**
             * @description Dollars as a decimal string with at most 2 places
             * @example 25.00
             */
            Amount?: string;
            /**
             * @description Defaults to CreditCard; eCheck when PaymentMethod is ECheck
             * @example CreditCard
             * @enum {string}
             */
            TransactionType?: "CreditCard" | "DebitCard" | "eCheck";
            /**
             * @description Defaults to OnFile with PaymentMethodID, ECheck with an ECheck object, else Card
             * @example Card
             * @enum {string}
             */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /**
             * @description A stored card or account (PaymentMethod OnFile)
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["ECheckInput"];
            Patient?: components["schemas"]["PatientInput"];
            /**
             * @description Accept an approval for less than requested (response code 010)
             * @example false
             */
            AllowPartialPayment?: boolean;
            /**
             * @description Also store the card; answers PaymentMethodID
             * @example false
             */
            SaveOnFile?: boolean;
            /**
             * @description Free text kept with the transaction and returned as sent
             * @example INV-2231
             */
            AdditionalInfo1?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo2?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo3?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo4?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo5?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo6?: string;
            /**
             * @description Only on POST /rest/payment/paymentplan
             * @enum {string}
             */
            PaymentPlanType: "SaveOnFile";
        };
        /** @description An action on an earlier transaction */
        SecondaryRequest: {
            /** @description The merchant, store and terminal the request is for */
            Outlet: components["schemas"]["OutletRef"];
            /**
             * @description Capture, void and refund-simple: the primary transaction
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            TransactionID: string;
            /**
             * @description Capture and refund-simple: defaults to the whole (remaining) amount
             * @example 10.00
             */
            Amount?: string;
            Patient?: components["schemas"]["PatientInput"];
            /**
             * @description Free text kept with the transaction and returned as sent
             * @example INV-2231
             */
            AdditionalInfo1?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo2?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo3?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo4?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo5?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo6?: string;
        };
        OutletRef: {
            /** @example 6011000551245 */
            MerchantID: string;
            /** @example 001 */
            StoreID: string;
            /** @example 002 */
            TerminalID: string;
        };
        CardInput: {
            /**
             * @description How the card was read; `swipe` with TrackData; `emv` (chip) and `nfc` (contactless) with EMVData; `token` charges PaymentMethodID
             * @example key
             * @enum {string}
             */
            EntryMode?: "key" | "swipe" | "emv" | "nfc" | "token";
            /**
             * @description 13–19 digits; never stored or returned
             * @example 4111111111111111
             */
            CardNumber?: string;
            /**
             * @description MM/YY, MM-YY, MMYY or MM/YYYY
             * @example 06/28
             */
            Expiration?: string;
            /**
             * @description Instead of Expiration: 1–12
             * @example 6
             */
            ExpirationMonth?: string;
            /**
             * @description Instead of Expiration: YY or YYYY
             * @example 2028
             */
            ExpirationYear?: string;
            /**
             * @description Card verification number; passed to the processor, never stored
             * @example 123
             */
            CVN?: string;
            /** @example Pat Doe */
            CardHolderName?: string;
            /** @description ISO/IEC 7813 track 1 and/or 2 exactly as a keyboard-emulation reader types it (EntryMode swipe) */
            TrackData?: string;
            /**
             * @description EntryMode emv or nfc: hex BER-TLV of the chip read (tags and sandbox cryptogram: see the devices guide); carries the card, 9F02 must equal Amount; never stored or returned
             * @example 9F02060000000025005F2A020840
             */
            EMVData?: string;
            /**
             * @description A chip card swiped (TrackData) after its chip read failed; a chip card swiped without it is refused
             * @example false
             */
            Fallback?: boolean;
            /**
             * @description Derived from EntryMode when absent
             * @example NotPresentInternet
             * @enum {string}
             */
            CardPresentStatus?: "PresentManualKey" | "PresentSwipeSign" | "PresentSwipeNoSign" | "PresentEMV" | "MSDContactless" | "NotPresentInternet" | "NotPresentPhone" | "NotPresentMailOrFax" | "NotPresentRecurring" | "NotPresentInstallment";
        };
        ECheckInput: {
            /**
             * @description 9 digits with a valid ABA check digit
             * @example 011000015
             */
            RoutingNumber: string;
            /**
             * @description 4–17 digits; only the last four are kept
             * @example 123456789
             */
            AccountNumber: string;
            /**
             * @example Checking
             * @enum {string}
             */
            AccountType?: "Checking" | "Savings";
            /** @example 1042 */
            CheckNumber?: string;
            /** @example Pat Doe */
            AccountHolderName?: string;
            /**
             * @description Present: remote deposit capture with the patient present
             * @example NotPresent
             * @enum {string}
             */
            CheckPresentStatus?: "Present" | "NotPresent";
            /**
             * Format: byte
             * @description The front of the paper check: standard base64 of a PNG or JPEG (by its magic bytes), at most 1 MiB decoded; only with CheckPresentStatus Present. Stored encrypted with the transaction; staff see it in the console.
             */
            FrontImage?: string;
            /**
             * Format: byte
             * @description The back of the paper check: standard base64 of a PNG or JPEG (by its magic bytes), at most 1 MiB decoded; only with CheckPresentStatus Present. Only with FrontImage.
             */
            BackImage?: string;
        };
        PatientInput: {
            /** @example P-1001 */
            PatientID?: string;
            /**
             * @description The practice’s account or medical record number
             * @example MRN-1001
             */
            AccountNumber?: string;
            /** @example Pat */
            FirstName?: string;
            /** @example Doe */
            LastName?: string;
            /**
             * Format: date
             * @example 1980-04-02
             */
            BirthDate?: string;
        };
        /** @description The card, never its full number */
        CardOutput: {
            /** @enum {string} */
            Brand: "VISA" | "MASTERCARD" | "AMEX" | "DISCOVER" | "OTHER";
            /** @example 411111 */
            BIN: string;
            /** @example 1111 */
            LastFour: string;
            /** @example 6 */
            ExpirationMonth: number;
            /** @example 2028 */
            ExpirationYear: number;
            /** @example Pat Doe */
            CardHolderName?: string;
            /** @enum {string} */
            PaymentCardType: "CREDIT" | "DEBIT";
            /** @enum {string} */
            EntryMode: "Keyed" | "Swiped" | "Chip" | "Contactless" | "OnFile";
            IsEMVTransaction: boolean;
            IsEMVVerifiedByPIN: boolean;
            EMV?: components["schemas"]["EMVOutput"];
        };
        /** @description Chip and contactless reads: what a card-present receipt prints, and the issuer’s answer for the card */
        EMVOutput: {
            /** @example VISA DEBIT */
            ApplicationLabel?: string;
            /** @example A0000000031010 */
            ApplicationID: string;
            /** @example 0000008000 */
            TVR: string;
            /** @example E800 */
            TSI?: string;
            /** @enum {string} */
            CryptogramType: "ARQC" | "TC" | "AAC";
            /**
             * @description Hex TLV: 8A (authorisation response code) and 91 (issuer authentication data)
             * @example 8A023030910A8569E70E607026603030
             */
            IssuerResponse?: string;
        };
        /** @description The bank account, never its full number */
        ECheckOutput: {
            /** @example 011000015 */
            RoutingNumber: string;
            /** @example 6789 */
            AccountLastFour: string;
            /** @enum {string} */
            AccountType?: "Checking" | "Savings";
            /** @example 1042 */
            CheckNumber?: string;
        };
        PatientOutput: {
            /** @example P-1001 */
            PatientID?: string;
            /** @example MRN-1001 */
            AccountNumber?: string;
            /** @example Pat */
            FirstName?: string;
            /** @example Doe */
            LastName?: string;
        };
        /** @description One transaction. A decline is a normal answer with TransactionStatus D. */
        PaymentResponse: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            TransactionID: string;
            /**
             * @description The outcome: see "Status letters" in the introduction
             * @example C
             * @enum {string}
             */
            TransactionStatus: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * @description See "Response codes" in the introduction; 000 and 010 are approvals
             * @example 000
             */
            ResponseCode: string;
            /** @example APPROVED */
            ResponseMessage: string;
            /**
             * @example Sale
             * @enum {string}
             */
            TransactionAction: "Sale" | "Authorization" | "Capture" | "Void" | "SimpleRefund" | "Refund" | "SaveOnFile";
            /**
             * @example CreditCard
             * @enum {string}
             */
            TransactionType: "CreditCard" | "DebitCard" | "eCheck";
            /** @example A3807B */
            AuthorizationNumber?: string;
            /**
             * @description Card approvals: the text to print on the receipt for signature
             * @example I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT.
             */
            AuthorizationText?: string;
            /**
             * @description The approved amount: 0.00 when declined (RequestAmount is what was asked)
             * @example 25.00
             */
            Amount: string;
            /**
             * @description The amount asked for
             * @example 25.00
             */
            RequestAmount: string;
            /** @example false */
            IsPartiallyApproved: boolean;
            /**
             * @description With IsPartiallyApproved
             * @example 12.55
             */
            PartialApprovalAmount?: string;
            /**
             * Format: date-time
             * @example 2026-11-23T18:12:31.1020000Z
             */
            TransactionDate: string;
            Outlet: components["schemas"]["OutletRef"];
            Card?: components["schemas"]["CardOutput"];
            ECheck?: components["schemas"]["ECheckOutput"];
            /**
             * @description The stored card or account (SaveOnFile, on-file charges)
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            /**
             * @description A payment plan’s charge: its plan
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentPlanID?: string;
            /** @enum {string} */
            PaymentPlanType?: "Installment" | "Recurring";
            /**
             * @description A payment plan’s charge: which one, from 1; 0 for the down payment
             * @example 2
             */
            InstallmentSequenceNumber?: number;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @description A sale with SaveOnFile: the verification transaction
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            SaveOnFileTransactionID?: string;
            /**
             * @description Capture, void, refund: the transaction acted on
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PrimaryTransactionID?: string;
            /**
             * @description The primary transaction’s status after this action
             * @example C
             * @enum {string}
             */
            PrimaryTransactionStatus?: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * @description Primary transactions: refunded so far
             * @example 0.00
             */
            RefundedAmount?: string;
            Patient?: components["schemas"]["PatientOutput"];
            /** @description AdditionalInfo1 as sent with the request; absent when empty */
            AdditionalInfo1?: string;
            /** @description AdditionalInfo2 as sent with the request; absent when empty */
            AdditionalInfo2?: string;
            /** @description AdditionalInfo3 as sent with the request; absent when empty */
            AdditionalInfo3?: string;
            /** @description AdditionalInfo4 as sent with the request; absent when empty */
            AdditionalInfo4?: string;
            /** @description AdditionalInfo5 as sent with the request; absent when empty */
            AdditionalInfo5?: string;
            /** @description AdditionalInfo6 as sent with the request; absent when empty */
            AdditionalInfo6?: string;
        };
        /** @description One transaction with its secondary transactions and its webhook delivery status */
        TransactionDetail: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            TransactionID: string;
            /**
             * @description The outcome: see "Status letters" in the introduction
             * @example C
             * @enum {string}
             */
            TransactionStatus: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * @description See "Response codes" in the introduction; 000 and 010 are approvals
             * @example 000
             */
            ResponseCode: string;
            /** @example APPROVED */
            ResponseMessage: string;
            /**
             * @example Sale
             * @enum {string}
             */
            TransactionAction: "Sale" | "Authorization" | "Capture" | "Void" | "SimpleRefund" | "Refund" | "SaveOnFile";
            /**
             * @example CreditCard
             * @enum {string}
             */
            TransactionType: "CreditCard" | "DebitCard" | "eCheck";
            /** @example A3807B */
            AuthorizationNumber?: string;
            /**
             * @description Card approvals: the text to print on the receipt for signature
             * @example I AGREE TO PAY THE ABOVE AMOUNT ACCORDING TO MY CARD HOLDER AGREEMENT.
             */
            AuthorizationText?: string;
            /**
             * @description The approved amount: 0.00 when declined (RequestAmount is what was asked)
             * @example 25.00
             */
            Amount: string;
            /**
             * @description The amount asked for
             * @example 25.00
             */
            RequestAmount: string;
            /** @example false */
            IsPartiallyApproved: boolean;
            /**
             * @description With IsPartiallyApproved
             * @example 12.55
             */
            PartialApprovalAmount?: string;
            /**
             * Format: date-time
             * @example 2026-11-23T18:12:31.1020000Z
             */
            TransactionDate: string;
            Outlet: components["schemas"]["OutletRef"];
            Card?: components["schemas"]["CardOutput"];
            ECheck?: components["schemas"]["ECheckOutput"];
            /**
             * @description The stored card or account (SaveOnFile, on-file charges)
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            /**
             * @description A payment plan’s charge: its plan
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentPlanID?: string;
            /** @enum {string} */
            PaymentPlanType?: "Installment" | "Recurring";
            /**
             * @description A payment plan’s charge: which one, from 1; 0 for the down payment
             * @example 2
             */
            InstallmentSequenceNumber?: number;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @description A sale with SaveOnFile: the verification transaction
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            SaveOnFileTransactionID?: string;
            /**
             * @description Capture, void, refund: the transaction acted on
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PrimaryTransactionID?: string;
            /**
             * @description The primary transaction’s status after this action
             * @example C
             * @enum {string}
             */
            PrimaryTransactionStatus?: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * @description Primary transactions: refunded so far
             * @example 0.00
             */
            RefundedAmount?: string;
            Patient?: components["schemas"]["PatientOutput"];
            /** @description AdditionalInfo1 as sent with the request; absent when empty */
            AdditionalInfo1?: string;
            /** @description AdditionalInfo2 as sent with the request; absent when empty */
            AdditionalInfo2?: string;
            /** @description AdditionalInfo3 as sent with the request; absent when empty */
            AdditionalInfo3?: string;
            /** @description AdditionalInfo4 as sent with the request; absent when empty */
            AdditionalInfo4?: string;
            /** @description AdditionalInfo5 as sent with the request; absent when empty */
            AdditionalInfo5?: string;
            /** @description AdditionalInfo6 as sent with the request; absent when empty */
            AdditionalInfo6?: string;
            /** @description Captures, voids and refunds of this transaction */
            SecondaryTransactions: components["schemas"]["PaymentResponse"][];
            /**
             * @description The webhook delivery for this transaction; null when none was made
             * @enum {string|null}
             */
            WorkflowStatus: "PENDING" | "COMPLETE" | "PENDING_POSTING_RETRY" | "POSTING_ERROR" | null;
        };
        TransactionPage: {
            Transactions: components["schemas"]["PaymentResponse"][];
            /**
             * @description Pass as Cursor for the next page; null on the last page
             * @example eyJpZCI6IjEyMyJ9
             */
            NextCursor: string | null;
        };
        FieldError: {
            /**
             * @description The request field, in REST’s names
             * @example Amount
             */
            Field: string;
            /** @example Amount is required */
            Message: string;
        };
        /** @description Every 4xx and 5xx answer */
        ErrorResponse: {
            /**
             * @description The HTTP status
             * @example 400
             */
            ErrorCode: number;
            /** @example Amount is required */
            ErrorMessage: string;
            /**
             * @description Quote it to support: the cause is logged under it
             * @example K7Q2M9XW4P
             */
            ReferenceNumber: string;
            /**
             * @description 409 for an Idempotency-Key reused with another body: the transaction the first request made
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            TransactionID?: string;
            /** @description Every invalid field, when fields were at fault */
            Errors: components["schemas"]["FieldError"][];
        };
        /** @description An Installment or Recurring plan */
        PaymentPlanRequest: {
            /** @description The merchant, store and terminal the request is for */
            Outlet: components["schemas"]["OutletRef"];
            /**
             * @example Installment
             * @enum {string}
             */
            PaymentPlanType: "Installment" | "Recurring";
            /**
             * @description Installment plans: the balance to collect
             * @example 300.00
             */
            TotalAmount?: string;
            /**
             * @description Charged at creation, counted toward the total
             * @example 50.00
             */
            DownPaymentAmount?: string;
            /**
             * @description Each scheduled charge; installment plans: give it or InstallmentCount
             * @example 100.00
             */
            InstallmentAmount?: string;
            /**
             * @description Installment plans: derives the amount when given
             * @example 3
             */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency?: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /**
             * Format: date
             * @description First scheduled charge, in the merchant’s time zone; today or later
             * @example 2026-12-15
             */
            StartDate?: string;
            /**
             * @description Monthly and longer: 1–31 (short months: their last day)
             * @example 15
             */
            DayOfMonth?: number;
            /**
             * Format: date
             * @description Recurring plans: the last date
             * @example 2027-12-15
             */
            EndDate?: string;
            /**
             * @description Defaults to OnFile with PaymentMethodID, ECheck with an ECheck object, else Card
             * @example Card
             * @enum {string}
             */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /**
             * @description With PaymentMethod OnFile: a stored card or account
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            /**
             * @example CreditCard
             * @enum {string}
             */
            TransactionType?: "CreditCard" | "DebitCard";
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["PlanECheckInput"];
            Patient?: components["schemas"]["PatientRef"];
            /**
             * @description Or Patient.PatientID
             * @example P-1001
             */
            PatientID?: string;
            /**
             * @description Or Patient.FirstName
             * @example Pat
             */
            PatientFirstName?: string;
            /**
             * @description Or Patient.LastName
             * @example Doe
             */
            PatientLastName?: string;
            /**
             * @description Free text kept with the transaction and returned as sent
             * @example INV-2231
             */
            AdditionalInfo1?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo2?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo3?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo4?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo5?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo6?: string;
        };
        /** @description Absent fields stay as they are */
        PaymentPlanUpdateRequest: {
            /**
             * @description An installment plan re-derives its count
             * @example 75.00
             */
            InstallmentAmount?: string;
            /**
             * @example BiWeekly
             * @enum {string}
             */
            Frequency?: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /** @example 1 */
            DayOfMonth?: number;
            /**
             * Format: date
             * @description Recurring plans
             * @example 2027-06-30
             */
            EndDate?: string;
            /**
             * Format: date
             * @description The schedule restarts from this date
             * @example 2027-01-05
             */
            NextPaymentDate?: string;
            /**
             * @description Defaults to OnFile with PaymentMethodID, ECheck with an ECheck object, else Card
             * @example Card
             * @enum {string}
             */
            PaymentMethod?: "Card" | "OnFile" | "ECheck";
            /**
             * @description With PaymentMethod OnFile: a stored card or account
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentMethodID?: string;
            /**
             * @example CreditCard
             * @enum {string}
             */
            TransactionType?: "CreditCard" | "DebitCard";
            Card?: components["schemas"]["CardInput"];
            ECheck?: components["schemas"]["PlanECheckInput"];
        };
        PlanECheckInput: {
            /**
             * @description 9 digits with a valid ABA check digit
             * @example 011000015
             */
            RoutingNumber: string;
            /**
             * @description 4–17 digits; only the last four are kept
             * @example 123456789
             */
            AccountNumber: string;
            /**
             * @example Checking
             * @enum {string}
             */
            AccountType?: "Checking" | "Savings";
            /** @example 1042 */
            CheckNumber?: string;
            /** @example Pat Doe */
            AccountHolderName?: string;
            /**
             * @description Present: remote deposit capture with the patient present
             * @example NotPresent
             * @enum {string}
             */
            CheckPresentStatus?: "Present" | "NotPresent";
        };
        PatientRef: {
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            FirstName?: string;
            /** @example Doe */
            LastName?: string;
        };
        PlanPaymentMethodOutput: {
            /** @enum {string} */
            Type: "Card" | "ECheck";
            /** @example VISA */
            Brand?: string;
            /** @example 411111 */
            BIN?: string;
            /** @example 1111 */
            LastFour?: string;
            /** @example 12 */
            ExpirationMonth?: number;
            /** @example 2029 */
            ExpirationYear?: number;
            /** @example 011000015 */
            RoutingNumber?: string;
            /** @example 6789 */
            AccountLastFour?: string;
            /** @enum {string} */
            AccountType?: "Checking" | "Savings";
        };
        PaymentPlanOutput: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentPlanID: string;
            /** @enum {string} */
            PaymentPlanType: "Installment" | "Recurring";
            /**
             * @example Active
             * @enum {string}
             */
            Status: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            Outlet: components["schemas"]["OutletRef"];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID: string;
            PaymentMethod: components["schemas"]["PlanPaymentMethodOutput"];
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @description AdditionalInfo1 as sent with the request; absent when empty */
            AdditionalInfo1?: string;
            /** @description AdditionalInfo2 as sent with the request; absent when empty */
            AdditionalInfo2?: string;
            /** @description AdditionalInfo3 as sent with the request; absent when empty */
            AdditionalInfo3?: string;
            /** @description AdditionalInfo4 as sent with the request; absent when empty */
            AdditionalInfo4?: string;
            /** @description AdditionalInfo5 as sent with the request; absent when empty */
            AdditionalInfo5?: string;
            /** @description AdditionalInfo6 as sent with the request; absent when empty */
            AdditionalInfo6?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount: string;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /**
             * Format: date
             * @example 2026-12-15
             */
            StartDate: string;
            /** @example 15 */
            DayOfMonth?: number;
            /**
             * Format: date
             * @example 2027-12-15
             */
            EndDate?: string;
            /**
             * Format: date
             * @description null once nothing more is scheduled
             * @example 2026-12-15
             */
            NextPaymentDate: string | null;
            /** @example 0 */
            InstallmentsPaid: number;
            /** @example 50.00 */
            AmountPaid: string;
            /**
             * @description Installment plans
             * @example 250.00
             */
            RemainingBalance?: string;
            /** @example 0 */
            FailedAttempts: number;
            /**
             * Format: date-time
             * @example 2026-12-02T05:12:31.1020000Z
             */
            CreatedDate: string;
        };
        PastChargeOutput: {
            /** @example 1 */
            Sequence: number;
            /** @example 1 */
            Attempt: number;
            /** @enum {string} */
            Kind: "SCHEDULED" | "RETRY" | "CHARGE_NOW" | "DOWN_PAYMENT" | "REPRESENTMENT";
            /**
             * Format: date
             * @example 2026-12-15
             */
            DueDate: string;
            /** @example 25.00 */
            Amount: string;
            /** @enum {string} */
            Status: "PENDING" | "APPROVED" | "DECLINED" | "RETURNED";
            /**
             * @description See "Response codes" in the introduction; 000 and 010 are approvals
             * @example 000
             */
            ResponseCode?: string;
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            TransactionID?: string;
            /**
             * @description The outcome: see "Status letters" in the introduction
             * @example C
             * @enum {string}
             */
            TransactionStatus?: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            /**
             * Format: date-time
             * @example 2026-12-02T05:12:31.1020000Z
             */
            ChargedDate?: string;
        };
        UpcomingChargeOutput: {
            /** @example 2 */
            Sequence: number;
            /**
             * Format: date
             * @example 2027-01-15
             */
            Date: string;
            /** @example 25.00 */
            Amount: string;
        };
        PlanScheduleOutput: {
            Past: components["schemas"]["PastChargeOutput"][];
            /** @description At most 24 dates */
            Upcoming: components["schemas"]["UpcomingChargeOutput"][];
        };
        /** @description A plan with its schedule */
        PaymentPlanDetailOutput: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentPlanID: string;
            /** @enum {string} */
            PaymentPlanType: "Installment" | "Recurring";
            /**
             * @example Active
             * @enum {string}
             */
            Status: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            Outlet: components["schemas"]["OutletRef"];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID: string;
            PaymentMethod: components["schemas"]["PlanPaymentMethodOutput"];
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @description AdditionalInfo1 as sent with the request; absent when empty */
            AdditionalInfo1?: string;
            /** @description AdditionalInfo2 as sent with the request; absent when empty */
            AdditionalInfo2?: string;
            /** @description AdditionalInfo3 as sent with the request; absent when empty */
            AdditionalInfo3?: string;
            /** @description AdditionalInfo4 as sent with the request; absent when empty */
            AdditionalInfo4?: string;
            /** @description AdditionalInfo5 as sent with the request; absent when empty */
            AdditionalInfo5?: string;
            /** @description AdditionalInfo6 as sent with the request; absent when empty */
            AdditionalInfo6?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount: string;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /**
             * Format: date
             * @example 2026-12-15
             */
            StartDate: string;
            /** @example 15 */
            DayOfMonth?: number;
            /**
             * Format: date
             * @example 2027-12-15
             */
            EndDate?: string;
            /**
             * Format: date
             * @description null once nothing more is scheduled
             * @example 2026-12-15
             */
            NextPaymentDate: string | null;
            /** @example 0 */
            InstallmentsPaid: number;
            /** @example 50.00 */
            AmountPaid: string;
            /**
             * @description Installment plans
             * @example 250.00
             */
            RemainingBalance?: string;
            /** @example 0 */
            FailedAttempts: number;
            /**
             * Format: date-time
             * @example 2026-12-02T05:12:31.1020000Z
             */
            CreatedDate: string;
            Schedule: components["schemas"]["PlanScheduleOutput"];
        };
        /** @description The plan with its schedule, or only the declined down payment */
        PaymentPlanCreated: {
            /**
             * @description 000, or the declined down payment’s code (and no plan)
             * @example 000
             */
            ResponseCode: string;
            /** @example Success */
            ResponseMessage: string;
            /** @description The down payment, when one was taken */
            Transactions: components["schemas"]["PaymentResponse"][];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentPlanID?: string;
            /** @enum {string} */
            PaymentPlanType?: "Installment" | "Recurring";
            /**
             * @example Active
             * @enum {string}
             */
            Status?: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            Outlet?: components["schemas"]["OutletRef"];
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            PaymentMethodID?: string;
            PaymentMethod?: components["schemas"]["PlanPaymentMethodOutput"];
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @description AdditionalInfo1 as sent with the request; absent when empty */
            AdditionalInfo1?: string;
            /** @description AdditionalInfo2 as sent with the request; absent when empty */
            AdditionalInfo2?: string;
            /** @description AdditionalInfo3 as sent with the request; absent when empty */
            AdditionalInfo3?: string;
            /** @description AdditionalInfo4 as sent with the request; absent when empty */
            AdditionalInfo4?: string;
            /** @description AdditionalInfo5 as sent with the request; absent when empty */
            AdditionalInfo5?: string;
            /** @description AdditionalInfo6 as sent with the request; absent when empty */
            AdditionalInfo6?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount?: string;
            /** @example 3 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency?: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /**
             * Format: date
             * @example 2026-12-15
             */
            StartDate?: string;
            /** @example 15 */
            DayOfMonth?: number;
            /**
             * Format: date
             * @example 2027-12-15
             */
            EndDate?: string;
            /**
             * Format: date
             * @description null once nothing more is scheduled
             * @example 2026-12-15
             */
            NextPaymentDate?: string | null;
            /** @example 0 */
            InstallmentsPaid?: number;
            /** @example 50.00 */
            AmountPaid?: string;
            /**
             * @description Installment plans
             * @example 250.00
             */
            RemainingBalance?: string;
            /** @example 0 */
            FailedAttempts?: number;
            /**
             * Format: date-time
             * @example 2026-12-02T05:12:31.1020000Z
             */
            CreatedDate?: string;
            Schedule?: components["schemas"]["PlanScheduleOutput"];
        };
        PaymentPlanPage: {
            PaymentPlans: components["schemas"]["PaymentPlanOutput"][];
            /** @description Pass as Cursor for the next page; null on the last page */
            NextCursor: string | null;
        };
        /** @description A hosted payment page for one payer */
        SsoTokenRequest: {
            /** @description The merchant, store and terminal the request is for */
            Outlet: components["schemas"]["OutletRef"];
            /**
             * @description What the hosted page does; Sale by default
             * @example Sale
             * @enum {string}
             */
            TransactionAction?: "Sale" | "SaveOnFile" | "PaymentPlan";
            /**
             * @description Absent: the payer enters the amount
             * @example 25.00
             */
            Amount?: string;
            /**
             * @description The amount cannot be changed on the page
             * @example false
             */
            IsReadOnly?: boolean;
            Patient?: components["schemas"]["PatientRef"];
            /**
             * @description Hide the eCheck form
             * @example false
             */
            PreventCheck?: boolean;
            /**
             * @description Hide the card form
             * @example false
             */
            PreventCard?: boolean;
            /**
             * @description Do not show the receipt after payment
             * @example false
             */
            SuppressReceipt?: boolean;
            /**
             * @description No header or footer (for iframes)
             * @example false
             */
            LightWeight?: boolean;
            /**
             * Format: uri
             * @description Where the payer returns after paying
             * @example https://pms.example/paid
             */
            ConfirmURL?: string;
            /**
             * Format: uri
             * @description Where the payer returns on cancel
             * @example https://pms.example/cancelled
             */
            CancelURL?: string;
            /**
             * Format: uri
             * @description Used for both when ConfirmURL/CancelURL are absent
             */
            ReturnURL?: string;
            /**
             * @description Echoed back on the return URL
             * @example visit-42
             */
            RelayState?: string;
            /**
             * @description TransactionAction PaymentPlan: the proposed plan, checked when the token is created
             * @enum {string}
             */
            PaymentPlanType?: "Installment" | "Recurring";
            /**
             * @description Installment plans (Amount is taken if absent)
             * @example 600.00
             */
            TotalAmount?: string;
            /**
             * @description Dollars as a decimal string with at most 2 places
             * @example 100.00
             */
            DownPaymentAmount?: string;
            /**
             * @description Dollars as a decimal string with at most 2 places
             * @example 100.00
             */
            InstallmentAmount?: string;
            /** @example 5 */
            InstallmentCount?: number;
            /**
             * @example Monthly
             * @enum {string}
             */
            Frequency?: "Weekly" | "BiWeekly" | "Monthly" | "Quarterly" | "Annually";
            /**
             * Format: date
             * @example 2026-12-01
             */
            StartDate?: string;
            /** @example 1 */
            DayOfMonth?: number;
            /**
             * Format: date
             * @description Recurring plans
             * @example 2027-12-01
             */
            EndDate?: string;
            /**
             * @description Free text kept with the transaction and returned as sent
             * @example INV-2231
             */
            AdditionalInfo1?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo2?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo3?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo4?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo5?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo6?: string;
        };
        SsoTokenResponse: {
            /**
             * @description Single use; poll its status with GET /rest/sso/token/{token}/status
             * @example b3Jb0p8M4xkqS1vYwRk0mV0kV2dJk6l8cVw3t0p1cQe
             */
            Token: string;
            /**
             * Format: uri
             * @description Send the payer here (redirect or iframe)
             * @example https://pay.conduit.example/providers/Form/PatientPayments/NewPaymentSimpleSSO?token=b3Jb0p8M4x
             */
            PageURL: string;
            /**
             * Format: date-time
             * @description 15 minutes after creation
             * @example 2026-11-24T03:15:00.000Z
             */
            ExpiresAt: string;
            /**
             * @description See "Response codes" in the introduction; 000 and 010 are approvals
             * @example 000
             */
            ResponseCode: string;
            /** @example Success */
            ResponseMessage: string;
        };
        SsoTokenStatusResponse: {
            /**
             * @description NEW: the page is not completed yet; COMPLETE: a transaction (approved or declined) was processed, see TransactionID; EXPIRED: 15 minutes passed without one
             * @enum {string}
             */
            Status: "NEW" | "COMPLETE" | "EXPIRED";
            /**
             * @description With Status COMPLETE
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            TransactionID: string | null;
            /**
             * Format: date-time
             * @description 15 minutes after creation
             * @example 2026-11-24T03:15:00.000Z
             */
            ExpiresAt: string;
        };
        /** @description What the terminal is asked to do */
        TerminalActionRequest: {
            /**
             * @description Refund: to the card presented at the terminal
             * @example Sale
             * @enum {string}
             */
            TransactionAction: "Sale" | "Authorization" | "Refund" | "SaveOnFile";
            /**
             * @description Required except for SaveOnFile
             * @example 25.00
             */
            Amount?: string;
            Patient?: components["schemas"]["PatientInput"];
            /**
             * @description Free text kept with the transaction and returned as sent
             * @example INV-2231
             */
            AdditionalInfo1?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo2?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo3?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo4?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo5?: string;
            /** @description Free text kept with the transaction and returned as sent */
            AdditionalInfo6?: string;
            /** @description How the card may be presented (default: all) */
            EntryModes?: ("emv" | "nfc" | "swipe" | "key")[];
            /**
             * @description Seconds the terminal waits for the card, 10–600 (default 120)
             * @example 120
             */
            TimeoutSeconds?: number;
        };
        /** @description Sent by the terminal itself, with no Api-Key */
        TerminalPairingRequest: {
            /**
             * @description The one-time code from the console: single use, valid 15 minutes
             * @example ABCD-EFGH
             */
            PairingCode: string;
            /** @example Conduit Sim T1 */
            Model?: string;
            /** @example SIM-0001 */
            SerialNumber?: string;
            /** @example 1.0.0 */
            Firmware?: string;
            /** @description What the device can read */
            Capabilities?: ("chip" | "contactless" | "swipe" | "keyed" | "pin")[];
        };
        TerminalOutlet: {
            /** @example 1000000000001 */
            MerchantID: string;
            /** @example 001 */
            StoreID: string;
            /** @example 001 */
            TerminalID: string;
        };
        TerminalPairingResponse: {
            /** @example tmd_3f9a0c1b2d4e5f6a7b8c9d0e */
            TerminalDeviceID: string;
            /** @description Shown once; with TerminalDeviceID, the Basic credentials of the WebSocket */
            DeviceSecret: string;
            Outlet: components["schemas"]["TerminalOutlet"];
            /** @example /rest/terminals/connect */
            ConnectURL: string;
        };
        TerminalAction: {
            /** @example 0CA7530A86084B468FFF132AB7F04491 */
            ActionID: string;
            /** @example tmd_3f9a0c1b2d4e5f6a7b8c9d0e */
            TerminalDeviceID: string;
            /** @enum {string} */
            TransactionAction: "Sale" | "Authorization" | "Refund" | "SaveOnFile";
            /** @example 25.00 */
            Amount: string;
            /**
             * @example Pending
             * @enum {string}
             */
            State: "Pending" | "InProgress" | "Processing" | "Completed" | "Cancelled" | "Failed" | "TimedOut";
            /**
             * @description The last status the terminal reported
             * @enum {string|null}
             */
            DeviceStatus: "WaitingForCard" | "ReadingCard" | "EnterPin" | "Processing" | "RemoveCard" | "Complete" | null;
            /** @example Insert, tap or swipe card */
            DeviceStatusText: string | null;
            /**
             * Format: date-time
             * @example 2026-12-02T05:12:31.1020000Z
             */
            CreatedAt: string;
            /**
             * Format: date-time
             * @example 2026-12-02T05:12:31.1020000Z
             */
            CompletedAt: string | null;
            /** @description The transaction the card made (approved or declined), once there is one */
            Transaction: components["schemas"]["PaymentResponse"] | null;
            /** @example Cancelled by the vendor */
            ErrorMessage: string | null;
        };
        TerminalOutput: {
            /** @example tmd_3f9a0c1b2d4e5f6a7b8c9d0e */
            TerminalDeviceID: string;
            /** @example Front desk 1 */
            Label: string;
            /** @example Conduit Sim T1 */
            Model: string | null;
            /** @example SIM-0001 */
            SerialNumber: string | null;
            /** @enum {string} */
            Status: "Paired" | "PendingPairing";
            Online: boolean;
            /** Format: date-time */
            LastSeenAt: string | null;
            Outlet: components["schemas"]["TerminalOutlet"];
        };
        TerminalList: {
            Terminals: components["schemas"]["TerminalOutput"][];
        };
        /** @description A change of a transaction (approved, declined, voided, refunded, returned, charged back, settled, or an error). Absent values are left out. In XML and form bodies every value is text (booleans as true/false). */
        TransactionEvent: {
            /** @enum {string} */
            EventType: "Approved" | "Declined" | "Voided" | "Refunded" | "Returned" | "Chargeback" | "Settlement" | "Error";
            /**
             * @description Unique per event
             * @example 3F9A0C5E1B7D4E2A9C8B6D5E4F3A2B1C
             */
            EventID: string;
            /**
             * Format: date-time
             * @description When the change happened
             */
            ResponseDateTime: string;
            /**
             * @description The transaction the event is about
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentTransactionID?: string;
            /**
             * @description CreditCard, DebitCard or eCheck
             * @example CreditCard
             */
            TransactionType?: string;
            /**
             * @description Decimal dollars
             * @example 25.00
             */
            Amount?: string;
            /**
             * @description The transaction’s status letter
             * @example C
             */
            CurrentTransactionStatusCode?: string;
            /**
             * @description Three digits; 000 approved
             * @example 000
             */
            ResponseCode?: string;
            /** @example APPROVED */
            ResponseMessage?: string;
            /**
             * @description Card brand
             * @example VISA
             */
            CardType?: string;
            /**
             * @description Masked card number
             * @example ************1111
             */
            CardLastFourDigits?: string;
            /**
             * @description eCheck routing number
             * @example 011000015
             */
            RoutingNumber?: string;
            /**
             * @description eCheck account, last four
             * @example 6789
             */
            AccountNumberLastFourDigits?: string;
            /**
             * @description MerchantID-StoreID-TerminalID
             * @example 6011000551245-001-002
             */
            Outlet?: string;
            /** @example 6011000551245 */
            MerchantID?: string;
            /** @example 001 */
            StoreID?: string;
            /** @example 002 */
            TerminalID?: string;
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @description As sent with the payment */
            AdditionalInfo1?: string;
            /** @description As sent with the payment */
            AdditionalInfo2?: string;
            /** @description As sent with the payment */
            AdditionalInfo3?: string;
            /** @description As sent with the payment */
            AdditionalInfo4?: string;
            /** @description As sent with the payment */
            AdditionalInfo5?: string;
            /** @description As sent with the payment */
            AdditionalInfo6?: string;
            /** @description The payment plan, for a plan’s charge or a plan event */
            PaymentPlanID?: string;
            /** @description Installment or Recurring */
            PaymentPlanTransactionType?: string;
            /**
             * @description Which scheduled charge, from 1; 0 for the down payment
             * @example 2
             */
            InstallmentSequenceNumber?: string;
            /**
             * @description Installments in all
             * @example 3
             */
            InstallmentCount?: string;
            /** @enum {string} */
            WorkflowStatus?: "PENDING" | "COMPLETE" | "PENDING_POSTING_RETRY" | "POSTING_ERROR";
            /** @description Capture, void, refund: the transaction acted on */
            OriginalTransactionID?: string;
            /**
             * @description Sale, Authorization, Capture, Void, SimpleRefund, Refund or SaveOnFile
             * @example Sale
             */
            TransactionAction?: string;
            /**
             * @description The amount asked for
             * @example 25.00
             */
            RequestAmount?: string;
            /** @description In XML and form bodies: true or false */
            IsPartiallyApproved?: boolean;
            /**
             * @description With IsPartiallyApproved
             * @example 12.55
             */
            PartialApprovalAmount?: string;
            /**
             * @description The status in words
             * @example Complete
             */
            CurrentTransactionStatusDescription?: string;
            /**
             * @description The transaction acted on: its status letter
             * @example V
             */
            OriginalTransactionStatusCode?: string;
            /** @example Voided */
            OriginalTransactionStatusDescription?: string;
            /** @example A3807B */
            AuthorizationCode?: string;
            /**
             * @description MM/YY
             * @example 12/28
             */
            ExpDate?: string;
            /** @example Pat Doe */
            CardHolderName?: string;
            /** @description How the card was presented */
            CardPresentStatus?: string;
            /**
             * @description Chip reads: Chip or Contactless
             * @example Chip
             */
            EMVCardEntryMode?: string;
            /** @description Chip reads: the cardholder verified by PIN (9F34) */
            IsEMVVerifiedByPIN?: boolean;
            /**
             * @description Chip reads: the application label (50)
             * @example VISA DEBIT
             */
            EMVApplicationLabel?: string;
            /**
             * @description Chip reads: the AID (84 or 4F), hex
             * @example A0000000031010
             */
            EMVApplicationID?: string;
            /**
             * @description Chip reads: terminal verification results (95), hex
             * @example 0000008000
             */
            EMVTVR?: string;
            /**
             * @description Chip reads: transaction status information (9B), hex
             * @example E800
             */
            EMVTSI?: string;
            /**
             * @description Chip reads (9F27)
             * @enum {string}
             */
            EMVCryptogramType?: "ARQC" | "TC" | "AAC";
            /**
             * @description Chip reads: hex TLV 8A and 91
             * @example 8A023030910A8569E70E607026603030
             */
            EMVIssuerResponse?: string;
            CheckNumber?: string;
            /**
             * @description Returned eCheck: the NACHA reason
             * @example R01
             */
            ReturnReasonCode?: string;
            /** @description SaveOnFile: the verification transaction */
            SaveOnFileTransactionID?: string;
            /** @description Paid on a hosted page: its token */
            SingleSignOnToken?: string;
            /** @description Settlement events: the batch */
            SettlementBatchID?: string;
        };
        /** @description A payment plan was created or changed, or one of its charges ran. Absent values are left out. In XML and form bodies every value is text (booleans as true/false). */
        PaymentPlanEvent: {
            /** @enum {string} */
            EventType: "PaymentPlanCreated" | "PaymentPlanUpdated";
            /**
             * @description Unique per event
             * @example 3F9A0C5E1B7D4E2A9C8B6D5E4F3A2B1C
             */
            EventID: string;
            /**
             * Format: date-time
             * @description When the change happened
             */
            ResponseDateTime: string;
            /**
             * @description The transaction the event is about
             * @example 0CA7530A86084B468FFF132AB7F04491
             */
            PaymentTransactionID?: string;
            /**
             * @description CreditCard, DebitCard or eCheck
             * @example CreditCard
             */
            TransactionType?: string;
            /**
             * @description Decimal dollars
             * @example 25.00
             */
            Amount?: string;
            /**
             * @description The transaction’s status letter
             * @example C
             */
            CurrentTransactionStatusCode?: string;
            /**
             * @description Three digits; 000 approved
             * @example 000
             */
            ResponseCode?: string;
            /** @example APPROVED */
            ResponseMessage?: string;
            /**
             * @description Card brand
             * @example VISA
             */
            CardType?: string;
            /**
             * @description Masked card number
             * @example ************1111
             */
            CardLastFourDigits?: string;
            /**
             * @description eCheck routing number
             * @example 011000015
             */
            RoutingNumber?: string;
            /**
             * @description eCheck account, last four
             * @example 6789
             */
            AccountNumberLastFourDigits?: string;
            /**
             * @description MerchantID-StoreID-TerminalID
             * @example 6011000551245-001-002
             */
            Outlet?: string;
            /** @example 6011000551245 */
            MerchantID?: string;
            /** @example 001 */
            StoreID?: string;
            /** @example 002 */
            TerminalID?: string;
            /** @example P-1001 */
            PatientID?: string;
            /** @example Pat */
            PatientFirstName?: string;
            /** @example Doe */
            PatientLastName?: string;
            /** @description As sent with the payment */
            AdditionalInfo1?: string;
            /** @description As sent with the payment */
            AdditionalInfo2?: string;
            /** @description As sent with the payment */
            AdditionalInfo3?: string;
            /** @description As sent with the payment */
            AdditionalInfo4?: string;
            /** @description As sent with the payment */
            AdditionalInfo5?: string;
            /** @description As sent with the payment */
            AdditionalInfo6?: string;
            /** @description The payment plan, for a plan’s charge or a plan event */
            PaymentPlanID?: string;
            /** @description Installment or Recurring */
            PaymentPlanTransactionType?: string;
            /**
             * @description Which scheduled charge, from 1; 0 for the down payment
             * @example 2
             */
            InstallmentSequenceNumber?: string;
            /**
             * @description Installments in all
             * @example 3
             */
            InstallmentCount?: string;
            /** @enum {string} */
            WorkflowStatus?: "PENDING" | "COMPLETE" | "PENDING_POSTING_RETRY" | "POSTING_ERROR";
            /** @enum {string} */
            PaymentPlanStatus?: "Active" | "Paused" | "PastDue" | "Completed" | "Cancelled";
            /** @description What changed (created, updated, paused, resumed, cancelled, charged, …) */
            PaymentPlanChange?: string;
            /** @example 1 */
            InstallmentsPaid?: string;
            /** @example 300.00 */
            TotalAmount?: string;
            /** @example 50.00 */
            DownPaymentAmount?: string;
            /** @example 100.00 */
            InstallmentAmount?: string;
            /** @example 150.00 */
            AmountPaid?: string;
            /** @example 150.00 */
            RemainingBalance?: string;
            /** @example Monthly */
            Frequency?: string;
            /**
             * @description YYYY-MM-DD
             * @example 2026-12-15
             */
            StartDate?: string;
            /** @example 15 */
            DayOfMonth?: string;
            /** @description YYYY-MM-DD */
            EndDate?: string;
            /**
             * @description YYYY-MM-DD
             * @example 2027-01-15
             */
            NextPaymentDate?: string;
            /** @example 0 */
            FailedAttempts?: string;
            /** @description The stored card or account charged */
            PaymentMethodID?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    sale: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description The transaction: approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    authorization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description The transaction: approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    capture: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondaryRequest"];
            };
        };
        responses: {
            /** @description The transaction: approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    void: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondaryRequest"];
            };
        };
        responses: {
            /** @description The transaction: approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    refundSimple: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondaryRequest"];
            };
        };
        responses: {
            /** @description The transaction: approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    refund: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequest"];
            };
        };
        responses: {
            /** @description The transaction: approved or declined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTransaction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionDetail"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /** @description Only this merchant */
                MerchantID?: string;
                /** @description Only this store (with MerchantID) */
                StoreID?: string;
                /** @description Only this terminal (with StoreID) */
                TerminalID?: string;
                /** @description Only this patient */
                PatientID?: string;
                /** @description Transactions at or after this time */
                From?: string;
                /** @description Transactions at or before this time */
                To?: string;
                /** @description 1–200 */
                Limit?: number;
                /** @description NextCursor of the previous page */
                Cursor?: string;
                /** @description Only transactions with this status letter */
                Status?: "A" | "C" | "O" | "D" | "V" | "X" | "S" | "SE" | "RI" | "CB";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionPage"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createPaymentPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPlanRequest"] | components["schemas"]["SaveOnFileRequest"];
            };
        };
        responses: {
            /** @description The plan (or the declined down payment), or the SaveOnFile transaction */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanCreated"] | components["schemas"]["PaymentResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getPaymentPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The PaymentPlanID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan and its schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listPaymentPlans: {
        parameters: {
            query?: {
                /** @description Only this merchant */
                MerchantID?: string;
                /** @description Only this store (with MerchantID) */
                StoreID?: string;
                /** @description Only this terminal (with StoreID) */
                TerminalID?: string;
                /** @description Only this patient */
                PatientID?: string;
                /** @description 1–200 */
                Limit?: number;
                /** @description NextCursor of the previous page */
                Cursor?: string;
                /** @description One or several of Active, Paused, PastDue, Completed, Cancelled, comma-separated */
                Status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanPage"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    updatePaymentPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The PaymentPlanID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPlanUpdateRequest"];
            };
        };
        responses: {
            /** @description The changed plan and its schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    pausePaymentPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The PaymentPlanID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan and its schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    resumePaymentPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The PaymentPlanID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan and its schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    cancelPaymentPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The PaymentPlanID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan and its schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentPlanDetailOutput"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    createSsoToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SsoTokenRequest"];
            };
        };
        responses: {
            /** @description The token and the page to send the payer to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoTokenResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getSsoTokenStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The Token of POST /rest/sso/token */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token’s status and, once complete, its transaction */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SsoTokenStatusResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    pairTerminal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminalPairingRequest"];
            };
        };
        responses: {
            /** @description The device’s credentials and its outlet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalPairingResponse"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    listTerminals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paired and pending terminals, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalList"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    processTerminalPayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The TerminalDeviceID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminalActionRequest"];
            };
        };
        responses: {
            /** @description The action, as queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalAction"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    getTerminalAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The TerminalDeviceID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The action, with its transaction once there is one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalAction"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    cancelTerminalAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a repeat with the same key and the same JSON within 24 hours answers the stored response again (header Idempotent-Replayed: true) and moves no money; the same key with another body is a 409. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The TerminalDeviceID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled action */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TerminalAction"];
                };
            };
            /** @description A field is missing or invalid: Errors lists every one, by its REST name */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Api-Key or Api-Secret missing or wrong */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Address not allowed, credential restricted from this merchant, or merchant or outlet suspended */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Merchant, outlet, transaction, plan, token or payment method unknown (or another tenant’s: answered alike) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Idempotency-Key reused with another body or still in flight, or the action is not allowed in the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Body over 64 KiB (4 MiB for POST /rest/payment/sale, which may carry check images) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Too many requests for this credential: wait for Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unexpected error: quote the ReferenceNumber to support */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    receiveTransactionEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for one event to one endpoint across every retry and resend: use it to drop duplicates */
                "webhook-id": string;
                /** @description Unix seconds when signed */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` keyed by the base64 part of the endpoint’s `whsec_` secret; during a rotation two signatures, space-separated */
                "webhook-signature": string;
                /** @description `Conduit-Webhooks/<version>` */
                "User-Agent": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description In the endpoint’s format: JSON, XML (one element per field) or form fields (NVP) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransactionEvent"];
                "application/xml": components["schemas"]["TransactionEvent"];
                "application/x-www-form-urlencoded": components["schemas"]["TransactionEvent"];
            };
        };
        responses: {
            /** @description Any 2xx: delivered. Anything else, or no answer in 20 seconds, is retried later */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered (any non-2xx): retried every 30 minutes, 5 attempts in all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    receivePaymentPlanEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for one event to one endpoint across every retry and resend: use it to drop duplicates */
                "webhook-id": string;
                /** @description Unix seconds when signed */
                "webhook-timestamp": string;
                /** @description `v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` keyed by the base64 part of the endpoint’s `whsec_` secret; during a rotation two signatures, space-separated */
                "webhook-signature": string;
                /** @description `Conduit-Webhooks/<version>` */
                "User-Agent": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description In the endpoint’s format: JSON, XML (one element per field) or form fields (NVP) */
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentPlanEvent"];
                "application/xml": components["schemas"]["PaymentPlanEvent"];
                "application/x-www-form-urlencoded": components["schemas"]["PaymentPlanEvent"];
            };
        };
        responses: {
            /** @description Any 2xx: delivered. Anything else, or no answer in 20 seconds, is retried later */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not delivered (any non-2xx): retried every 30 minutes, 5 attempts in all */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
