// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TicketRules} from "./TicketRules.sol";
import {TransferMode} from "../interfaces/ITicketTypes.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// @title TicketChannels
/// @notice Allocation channels (0 public sale, 1 sponsor, 2 staff, 3 artist, 4 organizer, 5..7 custom) with
/// quotas and transfer modes, the real-name deadlines set beside them, and the organizer's complimentary
/// mints, each through a channel.
abstract contract TicketChannels is TicketRules {
    using P for uint256;

    /// @dev Public quota, configured flag, minted per non-public channel (layout in TicketPacking).
    uint256 private _channels;
    /// @dev Quota, transfer mode and defined flag of channels 1..7; read only by organizer mints.
    uint256 private _channelRules;

    /// @notice Organizer/minter mints one `tier` ticket to each address in `to`, in order, issued
    /// through allocation `channel` (1..7, within its quota; 4 is the organizer's own). Consecutive
    /// equal addresses share one wallet update. Complimentary: nothing enters escrow, not refundable.
    /// @return firstTokenId The id minted to `to[0]`; the rest follow consecutively.
    function mintTier(uint8 tierId, uint8 channel, address[] calldata to) external returns (uint256 firstTokenId) {
        _checkMinter();
        uint256 n = to.length;
        _checkBatch(n);
        uint256 state = _openState();
        firstTokenId = state.totalMinted() + 1;
        _checkSupply(state, tierId, n);
        uint256 base = P.newToken(address(0), tierId, _takeChannel(channel, firstTokenId, n));
        bool soulbound = _startsLocked(base);
        address run = to[0];
        uint256 runLength;
        unchecked {
            for (uint256 i; i < n; ++i) {
                address a = to[i];
                if (a != run) {
                    _creditWallet(run, runLength, 0);
                    (run, runLength) = (a, 0);
                }
                uint256 id = firstTokenId + i;
                _tokens[id] = base | uint160(a);
                emit Transfer(address(0), a, id);
                if (soulbound) emit Locked(id);
                ++runLength;
            }
        }
        _creditWallet(run, runLength, 0);
        _state = state.addMinted(tierId, n);
        emit TicketsMinted(tierId, firstTokenId, n);
    }

    /// @notice Organizer/minter mints `quantity` `tier` tickets to one wallet through `channel`. Complimentary.
    /// @return firstTokenId The first id minted.
    function mintTo(uint8 tierId, uint8 channel, address to, uint256 quantity) external returns (uint256 firstTokenId) {
        _checkMinter();
        _checkBatch(quantity);
        uint256 state = _openState();
        firstTokenId = state.totalMinted() + 1;
        _checkSupply(state, tierId, quantity);
        _mintRun(to, tierId, firstTokenId, quantity, _takeChannel(channel, firstTokenId, quantity));
        _creditWallet(to, quantity, 0);
        _state = state.addMinted(tierId, quantity);
        emit TicketsMinted(tierId, firstTokenId, quantity);
    }

    /// @notice Admin sets the allocation channels and the real-name deadlines, once, before the first
    /// ticket is minted (`EventTicketSetupClosed` after). `channelRules` holds 32 bits per channel c at
    /// 32·c: quota (24 bits), transfer mode (2 bits, can only tighten the tier's), defined (bit 26).
    /// Channel 0 is the public sale: quota only (undefined = unlimited); channels 1..7 not defined are
    /// closed to organizer mints. `identityDeadlines` holds 32 bits per tier: seconds before `startTime`
    /// by which its tickets must be bound to an identity (0 = no binding). Without this call (or with
    /// `channelRules` 0) every channel 1..7 is open without quota. Encoder: lib/channels.
    function configureRules(uint256 channelRules, uint256 identityDeadlines_, bytes16[8] calldata names)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        uint256 state = _state;
        if (state.totalMinted() + state.seatsSold() != 0) revert EventTicketSetupClosed();
        uint256 channels = P.CHANNELS_CONFIGURED | P.QUOTA_MASK;
        for (uint256 c; c < P.MAX_CHANNELS; ++c) {
            uint256 rule = channelRules >> (32 * c);
            uint256 mode = (rule >> 24) & 3;
            if (mode > uint8(TransferMode.Locked) || (c == 0 && mode != 0)) revert EventTicketBadConfig();
            if (rule & P.CHANNEL_DEFINED == 0) continue;
            if (c == 0) channels = P.CHANNELS_CONFIGURED | (rule & P.QUOTA_MASK);
            emit ChannelConfigured(uint8(c), uint24(rule), TransferMode(mode), names[c]);
        }
        // Every tier, zeros included: a second call before the first mint fully replaces the first for indexers.
        for (uint256 t; t < tierCount; ++t) {
            emit IdentityDeadlineSet(uint8(t), uint32(identityDeadlines_ >> (32 * t)));
        }
        // channelRules 0: channels unused (stay open), only the deadlines are set.
        if (channelRules != 0) (_channels, _channelRules) = (channels, channelRules);
        identityDeadlines = identityDeadlines_;
        _state = identityDeadlines_ != 0 ? state | P.DEADLINES : state & ~P.DEADLINES;
    }

    /// @notice Channel a ticket was issued through (0 public sale, 1 sponsor, 2 staff, 3 artist, 4 organizer, 5..7 custom).
    function channelOf(uint256 tokenId) external view returns (uint8) {
        return _requireWord(tokenId).channel();
    }

    /// @notice The packed channel words (layout in TicketPacking; decoded by lib/channels for apps):
    /// public quota, configured flag and minted per channel 1..7; quota, mode and defined flag of 1..7.
    function channelWords() external view returns (uint256 channels, uint256 rules) {
        return (_channels, _channelRules);
    }

    /// @dev Counts `n` organizer-minted tickets against `channel` and returns the token-word bits
    /// (channel id and channel transfer mode) the new tickets carry.
    function _takeChannel(uint8 channel, uint256 firstTokenId, uint256 n) private returns (uint256 bits) {
        if (channel == 0 || channel >= P.MAX_CHANNELS) revert EventTicketUnknownChannel(channel);
        uint256 channels = _channels;
        uint256 shift = 32 * channel;
        uint256 minted = (channels >> shift) & P.MINTED_MASK;
        bits = uint256(channel) << P.CHANNEL_SHIFT;
        if (channels & P.CHANNELS_CONFIGURED != 0) {
            uint256 rule = _channelRules >> shift;
            if (rule & P.CHANNEL_DEFINED == 0) revert EventTicketUnknownChannel(channel);
            uint256 quota = rule & P.QUOTA_MASK;
            if (minted + n > quota) revert EventTicketChannelQuotaExceeded(channel, n, quota - minted);
            bits |= ((rule >> 24) & 3) << P.CHANNEL_MODE_SHIFT;
        }
        _channels = channels + (n << shift);
        emit ChannelMinted(channel, firstTokenId, n);
    }

    /// @dev Public sale (buy/claim/seats) stays within the public quota once channels are configured.
    function _checkPublicQuota(uint256 total, uint256 n) internal view override {
        uint256 channels = _channels;
        if (channels & P.CHANNELS_CONFIGURED == 0) return;
        uint256 sold = total - channels.nonPublicMinted();
        uint256 quota = channels & P.QUOTA_MASK;
        if (sold + n > quota) revert EventTicketChannelQuotaExceeded(0, n, quota - sold);
    }
}
